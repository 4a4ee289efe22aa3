/** One recorded AWS execution from `cases.json` (see testdata/conformance/README.md). */
export interface ConformanceCase {
  readonly id: string;
  readonly category: string;
  readonly definition: unknown;
  readonly input?: unknown;
  readonly inputText?: string;
  readonly stateMachineType?: string;
  readonly execution?: CaseExecution;
  readonly lambdas?: Readonly<Record<string, CaseLambda>>;
  readonly expected: CaseExpectation;
  readonly ignore?: readonly string[];
  readonly patterns?: Readonly<Record<string, string>>;
  readonly integralFloats?: readonly string[];
  readonly history?: readonly string[];
  /** How the history was recorded, when not as AWS wrote it (e.g. Parallel events re-sorted by the recording test). */
  readonly historyNote?: string;
  readonly timeSensitive?: boolean;
}

/** Names and ARNs AWS used for the context object. */
export interface CaseExecution {
  readonly stateMachineName?: string;
  readonly executionName?: string;
  readonly stateMachineArn?: string;
  readonly executionArn?: string;
  readonly roleArn?: string;
  readonly accountId?: string;
  readonly region?: string;
}

/** A Lambda function the case binds, as JavaScript source. */
export interface CaseLambda {
  readonly arn: string;
  readonly runtime?: string;
  readonly handler: string;
}

/** What AWS answered. */
export interface CaseExpectation {
  readonly status: string;
  readonly output?: unknown;
  readonly outputText?: string;
  readonly error?: string;
  readonly cause?: unknown;
}

/** What the local runtime answered for a case. */
export interface CaseActual {
  readonly status: string;
  readonly output?: unknown;
  readonly outputText?: string;
  readonly error?: string;
  readonly cause?: string;
  /** `Type` / `Type:StateName` sequence of the history. */
  readonly history?: readonly string[];
  /** Why the definition was rejected, for CREATE_FAILED cases. */
  readonly rejection?: string;
}
