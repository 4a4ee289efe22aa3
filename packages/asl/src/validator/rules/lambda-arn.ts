// Lambda function ARNs used directly as a Task Resource, checked part by part as Lambda defines
// them: `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, where the
// qualifier is `$LATEST`, a version number or an alias name (Lambda API reference: FunctionName,
// Qualifier, CreateAlias `Name` pattern `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`, 1–128 characters).

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const VERSION = /^[0-9]+$/;
// An alias is never all digits, but such a qualifier is a version: ALIAS only adds the others.
const ALIAS = /^[a-zA-Z0-9_-]{1,128}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

const SHAPE = "Use 'arn:aws:lambda:<region>:<account>:function:<name>' with an optional ':<version>', ':<alias>' or ':$LATEST'.";

/** What is wrong with a Lambda function ARN, or undefined when Step Functions would accept it. */
export function lambdaFunctionArnProblem(arn: string): string | undefined {
  const parts = arn.split(":");
  const [, , , region = "", account = "", kind = "", name = "", ...qualifiers] = parts;
  if (kind !== "function" || parts.length < 7) return `The resource '${arn}' is not a valid Lambda function ARN. ${SHAPE}`;
  if (!REGION.test(region)) return `The resource '${arn}' has no valid region ('${region}'). ${SHAPE}`;
  if (!ACCOUNT.test(account)) return `The resource '${arn}' has no valid account id ('${account}': 12 digits). ${SHAPE}`;
  if (!FUNCTION_NAME.test(name)) return `The resource '${arn}' has an invalid function name '${name}': 1 to 64 letters, digits, '-' or '_'. ${SHAPE}`;
  if (qualifiers.length > 1) return `The resource '${arn}' has more than one qualifier after the function name. ${SHAPE}`;
  const [qualifier] = qualifiers;
  if (qualifier === undefined || qualifier === "$LATEST" || VERSION.test(qualifier) || ALIAS.test(qualifier)) return undefined;
  if (qualifier === "") return `The resource '${arn}' ends with ':' but names no version or alias. ${SHAPE}`;
  return `The resource '${arn}' has an invalid qualifier '${qualifier}': a version number, '$LATEST' or an alias of 1 to 128 letters, digits, '-' or '_'. ${SHAPE}`;
}
