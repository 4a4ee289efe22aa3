/** The parts of a Lambda function ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`). */
export interface LambdaFunctionRef {
  readonly name: string;
  readonly qualifier: string | undefined;
  readonly region: string | undefined;
  readonly accountId: string | undefined;
}

const FUNCTION_ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]*):(\d*):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const PARTIAL = /^(?:(\d{12}):function:)?([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;

/** Parses a function ARN, partial ARN or bare name as the Lambda Invoke API accepts them. */
export function parseLambdaFunction(text: string): LambdaFunctionRef | undefined {
  const full = FUNCTION_ARN.exec(text);
  if (full) return { region: full[1], accountId: full[2], name: full[3]!, qualifier: full[4] };
  const partial = PARTIAL.exec(text);
  if (partial) return { region: undefined, accountId: partial[1], name: partial[2]!, qualifier: partial[3] };
  return undefined;
}

/** True for a bare Lambda function ARN used directly as a Task `Resource`. */
export function isLambdaFunctionArn(resource: string): boolean {
  return FUNCTION_ARN.test(resource);
}
