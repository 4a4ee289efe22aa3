import { AwsError } from "../protocol/aws-error.ts";
import type { RequestContext } from "../protocol/request-context.ts";

/** The resource kinds of Step Functions ARNs. */
export type ArnKind = "stateMachine" | "execution" | "express" | "activity" | "mapRun";

/** An ARN taken apart: `arn:aws:states:<region>:<account>:<kind>:<rest…>`. */
export interface ParsedArn {
  readonly region: string;
  readonly account: string;
  readonly kind: ArnKind;
  /** The colon-separated parts after the kind. */
  readonly parts: readonly string[];
}

const KINDS: ReadonlySet<string> = new Set(["stateMachine", "execution", "express", "activity", "mapRun"]);

/** Parses a Step Functions ARN or answers InvalidArn, as AWS does for a malformed one. */
export function parseArn(arn: string, expected: readonly ArnKind[]): ParsedArn {
  const parts = arn.split(":");
  if (parts.length < 7 || parts[0] !== "arn" || !/^aws[a-zA-Z-]*$/.test(parts[1]!) || parts[2] !== "states" || !/^\d{12}$/.test(parts[4]!)) {
    throw new AwsError("InvalidArn", `Invalid Arn: 'Unable to parse ARN: ${arn}'`);
  }
  const kind = parts[5]!;
  if (!KINDS.has(kind) || !expected.includes(kind as ArnKind)) {
    throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${kind}'`);
  }
  if (parts.slice(6).some((p) => p === "")) throw new AwsError("InvalidArn", `Invalid Arn: 'Unable to parse ARN: ${arn}'`);
  return { region: parts[3]!, account: parts[4]!, kind: kind as ArnKind, parts: parts.slice(6) };
}

/** `arn:aws:states:<region>:<account>:<kind>:<name…>` for the caller's region. */
export function makeArn(ctx: RequestContext, kind: ArnKind, ...names: string[]): string {
  return `arn:aws:states:${ctx.region}:${ctx.accountId}:${kind}:${names.join(":")}`;
}

/** What a state machine ARN names: the machine itself, a version (`:3`) or an alias (`:prod`). */
export interface MachineRef {
  readonly machineArn: string;
  readonly version: number | undefined;
  readonly alias: string | undefined;
  /** Step Functions Local's `#TestCase` suffix (mock config), if any. */
  readonly testCase: string | undefined;
}

/** Parses a state machine, version or alias ARN (with an optional `#TestCase`). */
export function machineRef(arn: string, allowTestCase = false): MachineRef {
  const hash = allowTestCase ? arn.indexOf("#") : -1;
  const bare = hash >= 0 ? arn.slice(0, hash) : arn;
  const testCase = hash >= 0 ? arn.slice(hash + 1) : undefined;
  if (testCase === "") throw new AwsError("InvalidArn", `Invalid Arn: 'The test case name after '#' is empty: ${arn}'`);
  const parsed = parseArn(bare, ["stateMachine"]);
  if (parsed.parts.length > 2 || parsed.parts.some((p) => BAD_NAME.test(p))) throw new AwsError("InvalidArn", `Invalid Arn: 'Unable to parse ARN: ${arn}'`);
  const machineArn = `arn:aws:states:${parsed.region}:${parsed.account}:stateMachine:${parsed.parts[0]!}`;
  const qualifier = parsed.parts[1];
  const version = qualifier !== undefined && /^\d+$/.test(qualifier) ? Number(qualifier) : undefined;
  const alias = qualifier !== undefined && version === undefined ? qualifier : undefined;
  return { machineArn, version, alias, testCase };
}

/** Characters AWS refuses in names of state machines, executions, activities and aliases. */
const BAD_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** Checks a resource name (1..80 characters, none of AWS's forbidden ones) or answers InvalidName. */
export function checkName(name: string, what: string, max = 80): void {
  if (name.length === 0 || name.length > max || BAD_NAME.test(name)) {
    throw new AwsError("InvalidName", `Invalid Name: '${name}' (a ${what} name has 1 to ${max} characters, without whitespace or any of < > { } [ ] ? * " # % \\ ^ | ~ \` $ & , ; : /)`);
  }
}
