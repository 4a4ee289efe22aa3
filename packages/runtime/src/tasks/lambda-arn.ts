/** The parts of a Lambda function ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`). */
export interface LambdaFunctionRef {
  readonly name: string;
  readonly qualifier: string | undefined;
  readonly region: string | undefined;
  readonly accountId: string | undefined;
}

// The partition, region and account may be CloudFormation's pseudo parameters, as the builder
// writes them for a function it knows only by name: they mean this runtime's own region and account.
const FUNCTION_ARN =
  /^arn:(?:aws[a-zA-Z-]*|\$\{AWS::Partition\}):lambda:([a-z0-9-]*|\$\{AWS::Region\}):(\d*|\$\{AWS::AccountId\}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const PSEUDO_PARAMETER = /^\$\{AWS::/;

/** A region or account id of an ARN: undefined when it is left to the runtime (empty, or a pseudo parameter). */
const given = (part: string | undefined): string | undefined => (part === undefined || part === "" || PSEUDO_PARAMETER.test(part) ? undefined : part);
const PARTIAL = /^(?:(\d{12}):function:)?([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;

/** Parses a function ARN, partial ARN or bare name as the Lambda Invoke API accepts them. */
export function parseLambdaFunction(text: string): LambdaFunctionRef | undefined {
  const full = FUNCTION_ARN.exec(text);
  if (full) return { region: given(full[1]), accountId: given(full[2]), name: full[3]!, qualifier: full[4] };
  const partial = PARTIAL.exec(text);
  if (partial) return { region: undefined, accountId: partial[1], name: partial[2]!, qualifier: partial[3] };
  return undefined;
}

/** True for a bare Lambda function ARN used directly as a Task `Resource`. */
export function isLambdaFunctionArn(resource: string): boolean {
  return FUNCTION_ARN.test(resource);
}
