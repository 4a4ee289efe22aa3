/**
 * State nodes of the IR. One `kind` per ASL state type; fields describe meaning
 * (`arguments`, `output`, `assign`), not the field names of either query language.
 */
import type { Condition, Expr, JsonObject, JsonValue, ObjectExpr } from "./expr-node.ts";
import type { LambdaDeclaration } from "./lambda-declaration.ts";

export type QueryLanguage = "JSONPath" | "JSONata";

export type StateKind = "pass" | "task" | "choice" | "wait" | "succeed" | "fail" | "parallel" | "map";

/** Where the state goes next: a named state in the same block, or the end of the block. */
export type Transition = { readonly kind: "next"; readonly target: string } | { readonly kind: "end" };

export interface StateNodeBase {
  readonly name: string;
  /** `file:line` of the builder call that created the state, for error messages. */
  readonly site: string;
  readonly comment?: string;
  /** Per-state query language, emitted only when it differs from the workflow's. */
  readonly queryLanguage?: QueryLanguage;
  /** Raw ASL fields merged last: the escape hatch for anything the builder has no option for. */
  readonly raw?: JsonObject;
}

export interface Retrier {
  readonly errors: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: "FULL" | "NONE";
  readonly comment?: string;
}

export interface Catcher {
  readonly errors: readonly string[];
  readonly next: string;
  readonly output?: Expr;
  /** Keep the state input and put the error output under this field (JSONPath `ResultPath`). */
  readonly resultField?: string;
  readonly assign?: ObjectExpr;
  readonly comment?: string;
}

/** A number given literally or computed from data (`TimeoutSecondsPath`, `{% … %}`). */
export type NumberOrExpr = number | Expr;

export interface PassNode extends StateNodeBase, ResultField {
  readonly kind: "pass";
  readonly transition: Transition;
  readonly output?: Expr;
  readonly result?: JsonValue;
  readonly assign?: ObjectExpr;
}

/** States with a result may merge it into their input under a field instead of replacing it. */
export interface ResultField {
  /**
   * The output is the input with the field at this path (one field or nested ones) set to the
   * result (JSONPath `ResultPath: "$.a.b"`).
   */
  readonly resultField?: readonly string[];
}

export interface TaskNode extends StateNodeBase, ResultField {
  readonly kind: "task";
  readonly resource: string;
  readonly transition: Transition;
  readonly arguments?: Expr;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
  readonly timeoutSeconds?: NumberOrExpr;
  readonly heartbeatSeconds?: NumberOrExpr;
  readonly credentials?: Expr;
  readonly retry: readonly Retrier[];
  readonly catch: readonly Catcher[];
  /** The `lambda()` declaration this Task invokes, when it was built from one (not rendered to ASL). */
  readonly lambda?: LambdaDeclaration;
}

export interface ChoiceRule {
  readonly condition: Condition;
  readonly next: string;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
  readonly comment?: string;
}

export interface ChoiceNode extends StateNodeBase {
  readonly kind: "choice";
  readonly rules: readonly ChoiceRule[];
  readonly default?: string;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
}

export type WaitDuration =
  | { readonly kind: "seconds"; readonly value: NumberOrExpr }
  | { readonly kind: "timestamp"; readonly value: string | Expr };

export interface WaitNode extends StateNodeBase {
  readonly kind: "wait";
  readonly transition: Transition;
  readonly duration: WaitDuration;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
}

export interface SucceedNode extends StateNodeBase {
  readonly kind: "succeed";
  readonly output?: Expr;
}

export interface FailNode extends StateNodeBase {
  readonly kind: "fail";
  readonly error?: string | Expr;
  readonly cause?: string | Expr;
}

/** One `States` block: the top level, a Parallel branch or a Map's ItemProcessor. */
export interface BlockNode {
  readonly kind: "block";
  readonly startAt: string;
  readonly states: readonly StateNode[];
}

export interface ParallelNode extends StateNodeBase, ResultField {
  readonly kind: "parallel";
  readonly transition: Transition;
  readonly branches: readonly BlockNode[];
  readonly arguments?: Expr;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
  readonly retry: readonly Retrier[];
  readonly catch: readonly Catcher[];
}

export type ReaderInputType = "CSV" | "JSON" | "JSONL" | "PARQUET" | "MANIFEST";

export interface ItemReaderNode {
  readonly resource: string;
  readonly arguments?: Expr;
  readonly readerConfig?: {
    readonly inputType?: ReaderInputType;
    readonly transformation?: "NONE" | "LOAD_AND_FLATTEN";
    readonly manifestType?: "ATHENA_DATA" | "S3_INVENTORY";
    readonly csvDelimiter?: "COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB";
    readonly csvHeaderLocation?: "FIRST_ROW" | "GIVEN";
    readonly csvHeaders?: readonly string[];
    readonly itemsPointer?: string;
    readonly maxItems?: NumberOrExpr;
  };
}

export interface ItemBatcherNode {
  readonly maxItemsPerBatch?: NumberOrExpr;
  readonly maxInputBytesPerBatch?: NumberOrExpr;
  readonly batchInput?: Expr;
}

export interface ResultWriterNode {
  readonly resource?: string;
  readonly arguments?: Expr;
  readonly writerConfig?: {
    readonly transformation?: "NONE" | "COMPACT" | "FLATTEN";
    readonly outputType?: "JSON" | "JSONL";
  };
}

export interface MapNode extends StateNodeBase, ResultField {
  readonly kind: "map";
  readonly transition: Transition;
  readonly mode: "inline" | "distributed";
  readonly executionType?: "STANDARD" | "EXPRESS";
  readonly processor: BlockNode;
  readonly items?: Expr;
  readonly itemSelector?: Expr;
  readonly itemReader?: ItemReaderNode;
  readonly itemBatcher?: ItemBatcherNode;
  readonly resultWriter?: ResultWriterNode;
  readonly maxConcurrency?: NumberOrExpr;
  readonly toleratedFailureCount?: NumberOrExpr;
  readonly toleratedFailurePercentage?: NumberOrExpr;
  readonly label?: string;
  readonly output?: Expr;
  readonly assign?: ObjectExpr;
  readonly retry: readonly Retrier[];
  readonly catch: readonly Catcher[];
}

export type StateNode = PassNode | TaskNode | ChoiceNode | WaitNode | SucceedNode | FailNode | ParallelNode | MapNode;

/** The node of a given kind. */
export type StateNodeOf<K extends StateKind> = Extract<StateNode, { readonly kind: K }>;

export interface WorkflowNode {
  readonly kind: "workflow";
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly version?: string;
  readonly body: BlockNode;
}
