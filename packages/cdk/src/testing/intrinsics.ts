// Evaluates the CloudFormation intrinsics a synthesized definition is built from (Fn::Join of
// strings, Ref, Fn::GetAtt, Fn::Sub, Fn::Select, Fn::Split) against placeholder resource values.
import { CdkTestingError } from "./template.ts";
import type { DeploymentPlace, ResourceValues } from "./placeholder-names.ts";

/** What intrinsics are evaluated against. */
export interface IntrinsicScope {
  readonly place: DeploymentPlace;
  /** `Ref`/`Fn::GetAtt` values of a resource by logical ID. */
  readonly resource: (logicalId: string) => ResourceValues | undefined;
  /** Template parameters' values (their defaults, or what the caller gave). */
  readonly parameters: Readonly<Record<string, string>>;
}

const PSEUDO: Readonly<Record<string, (place: DeploymentPlace) => string>> = {
  "AWS::Partition": (p) => p.partition,
  "AWS::Region": (p) => p.region,
  "AWS::AccountId": (p) => p.accountId,
  "AWS::URLSuffix": () => "amazonaws.com",
  "AWS::StackName": (p) => p.stackName,
  "AWS::StackId": (p) => `arn:${p.partition}:cloudformation:${p.region}:${p.accountId}:stack/${p.stackName}/00000000-0000-0000-0000-000000000000`,
};

const SUPPORTED = "Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split";

/** Resolves every intrinsic inside `value`; `where` names the property for error messages. */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope, where: string): unknown {
  if (Array.isArray(value)) return value.map((item, i) => resolveIntrinsics(item, scope, `${where}[${i}]`));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only !== undefined && (only[0] === "Ref" || only[0].startsWith("Fn::"))) {
    return resolveFunction(only[0], only[1], scope, `${where} → ${only[0]}`);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, scope, `${where}.${key}`)]));
}

/** Resolves `value` and insists on a string (a definition part, a substitution). */
export function resolveString(value: unknown, scope: IntrinsicScope, where: string): string {
  const resolved = resolveIntrinsics(value, scope, where);
  if (typeof resolved === "string") return resolved;
  if (typeof resolved === "number" || typeof resolved === "boolean") return String(resolved);
  throw new CdkTestingError(`${where} resolves to ${JSON.stringify(resolved)}, where a string is needed.`);
}

function resolveFunction(name: string, arg: unknown, scope: IntrinsicScope, where: string): unknown {
  switch (name) {
    case "Ref":
      return ref(arg, scope, where);
    case "Fn::GetAtt":
      return getAtt(arg, scope, where);
    case "Fn::Join": {
      const [separator, parts] = pair(arg, where, "[separator, [values…]]");
      const list = resolveIntrinsics(parts, scope, where);
      if (typeof separator !== "string" || !Array.isArray(list)) throw malformed(where, "[separator, [values…]]", arg);
      return list.map((part, i) => (typeof part === "string" || typeof part === "number" ? String(part) : resolveString(part, scope, `${where}[${i}]`))).join(separator);
    }
    case "Fn::Select": {
      const [index, list] = pair(arg, where, "[index, list]");
      const items = resolveIntrinsics(list, scope, where);
      const at = Number(resolveIntrinsics(index, scope, where));
      if (!Array.isArray(items) || !Number.isInteger(at) || at < 0 || at >= items.length) throw malformed(where, "[index, list] with the index inside the list", arg);
      return items[at];
    }
    case "Fn::Split": {
      const [separator, text] = pair(arg, where, "[separator, text]");
      if (typeof separator !== "string") throw malformed(where, "[separator, text]", arg);
      return resolveString(text, scope, where).split(separator);
    }
    case "Fn::Sub":
      return sub(arg, scope, where);
    default:
      throw new CdkTestingError(
        `${where}: ${name} is not resolved locally (supported: ${SUPPORTED}). ` +
          `Make the value a literal in the stack, or test the definition with fromTemplate after replacing it.`,
      );
  }
}

function ref(arg: unknown, scope: IntrinsicScope, where: string): string {
  if (typeof arg !== "string") throw malformed(where, "a logical ID or pseudo parameter", arg);
  const pseudo = PSEUDO[arg];
  if (pseudo !== undefined) return pseudo(scope.place);
  const parameter = scope.parameters[arg];
  if (parameter !== undefined) return parameter;
  const values = scope.resource(arg);
  if (values !== undefined) return values.ref;
  throw new CdkTestingError(`${where}: '${arg}' is no resource, parameter or pseudo parameter of the template (a parameter without a Default needs a value: parameters: { ${arg}: "…" }).`);
}

function getAtt(arg: unknown, scope: IntrinsicScope, where: string): string {
  const [logicalId, attribute] = typeof arg === "string" ? arg.split(/\.(.*)/s) : Array.isArray(arg) ? arg : [];
  if (typeof logicalId !== "string" || typeof attribute !== "string") throw malformed(where, "[logicalId, attribute]", arg);
  const values = scope.resource(logicalId);
  if (values === undefined) throw new CdkTestingError(`${where}: '${logicalId}' is no resource of the template.`);
  const value = values.attributes[attribute];
  if (value === undefined) {
    const known = Object.keys(values.attributes);
    throw new CdkTestingError(`${where}: attribute '${attribute}' of '${logicalId}' is not resolved locally (known: ${known.length === 0 ? "none" : known.join(", ")}).`);
  }
  return value;
}

function sub(arg: unknown, scope: IntrinsicScope, where: string): string {
  const [text, variables] = typeof arg === "string" ? [arg, {}] : Array.isArray(arg) ? arg : [undefined, undefined];
  if (typeof text !== "string" || typeof variables !== "object" || variables === null) throw malformed(where, "text or [text, { variables }]", arg);
  const locals = variables as Record<string, unknown>;
  return text.replace(/\$\{(!?)([^}]*)\}/g, (whole, literal: string, name: string) => {
    if (literal === "!") return `\${${name}}`;
    if (Object.hasOwn(locals, name)) return resolveString(locals[name], scope, `${where}.${name}`);
    const dot = name.indexOf(".");
    return dot < 0 ? ref(name, scope, where) : getAtt([name.slice(0, dot), name.slice(dot + 1)], scope, where);
  });
}

function pair(arg: unknown, where: string, shape: string): readonly [unknown, unknown] {
  if (!Array.isArray(arg) || arg.length !== 2) throw malformed(where, shape, arg);
  return [arg[0], arg[1]];
}

function malformed(where: string, shape: string, arg: unknown): CdkTestingError {
  return new CdkTestingError(`${where}: expected ${shape}, got ${JSON.stringify(arg)}.`);
}
