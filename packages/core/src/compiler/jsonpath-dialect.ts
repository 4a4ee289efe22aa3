/** The JSONPath spelling: `.$` keys, `*Path` fields, intrinsic functions, `Variable` + operator rules. */
import type { Condition, Expr, FunctionName, JsonObject, JsonValue, PathExpr, PathRoot } from "../ir/expr-node.ts";
import type { NumberOrExpr } from "../ir/state-node.ts";
import type { Field, Fields } from "./ordered-fields.ts";
import { directLambdaCall } from "./direct-lambda-call.ts";
import { jsonPathSegments } from "./path-spelling.ts";
import type { QueryDialect, RenderContext } from "./query-dialect.ts";

const INTRINSIC_NAMES: Record<FunctionName, string> = {
  format: "States.Format",
  stringToJson: "States.StringToJson",
  jsonToString: "States.JsonToString",
  array: "States.Array",
  arrayPartition: "States.ArrayPartition",
  arrayContains: "States.ArrayContains",
  arrayRange: "States.ArrayRange",
  arrayGetItem: "States.ArrayGetItem",
  arrayLength: "States.ArrayLength",
  arrayUnique: "States.ArrayUnique",
  base64Encode: "States.Base64Encode",
  base64Decode: "States.Base64Decode",
  hash: "States.Hash",
  jsonMerge: "States.JsonMerge",
  mathRandom: "States.MathRandom",
  mathAdd: "States.MathAdd",
  stringSplit: "States.StringSplit",
  uuid: "States.UUID",
};

const OPERATOR_SUFFIX = { eq: "Equals", lt: "LessThan", gt: "GreaterThan", lte: "LessThanEquals", gte: "GreaterThanEquals" } as const;
const TYPE_PREFIX = { string: "String", number: "Numeric", boolean: "Boolean", timestamp: "Timestamp" } as const;
const TYPE_TEST_OPERATOR = {
  isPresent: "IsPresent",
  isNull: "IsNull",
  isNumeric: "IsNumeric",
  isString: "IsString",
  isBoolean: "IsBoolean",
  isTimestamp: "IsTimestamp",
} as const;

/** A rendered value: either a literal to copy or a path/intrinsic string to put under a `.$` key. */
type Rendered = { readonly dynamic: false; readonly value: JsonValue } | { readonly dynamic: true; readonly source: string };

function path(expr: PathExpr, dollar: PathRoot, ctx: RenderContext): string | undefined {
  const tail = jsonPathSegments(expr.segments);
  if (expr.root === "context") return `$$${tail}`;
  if (expr.root === "variable") return `$${expr.variable ?? ""}${tail}`;
  if (expr.root === dollar) return `$${tail}`;
  ctx.sink.report(
    "NOT_EXPRESSIBLE",
    ctx.pointer,
    `JSONPath cannot read the state's ${expr.root} here (only its ${dollar}); use a JSONata workflow or a raw jsonPath() (${ctx.site})`,
  );
  return undefined;
}

function intrinsicArgument(expr: Expr, dollar: PathRoot, ctx: RenderContext, isFormatTemplate = false): string {
  switch (expr.kind) {
    case "literal":
      // A States.Format template keeps its `{}` placeholders; every other string escapes braces.
      if (typeof expr.value === "string") return `'${expr.value.replace(isFormatTemplate ? /['\\]/g : /['{}\\]/g, (c) => `\\${c}`)}'`;
      if (typeof expr.value === "object" && expr.value !== null) break;
      return String(expr.value);
    case "path":
      return path(expr, dollar, ctx) ?? "null";
    case "function":
      return intrinsic(expr.name, expr.args, dollar, ctx);
    case "jsonPath":
      return expr.source;
    default:
      break;
  }
  ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `an intrinsic-function argument must be a string, number, boolean, null, path or function (${ctx.site})`);
  return "null";
}

function intrinsic(name: FunctionName, args: readonly Expr[], dollar: PathRoot, ctx: RenderContext): string {
  const rendered = args.map((a, i) => intrinsicArgument(a, dollar, ctx, name === "format" && i === 0));
  if (name === "jsonMerge") rendered.push("false");
  return `${INTRINSIC_NAMES[name]}(${rendered.join(", ")})`;
}

function render(expr: Expr, dollar: PathRoot, ctx: RenderContext): Rendered {
  switch (expr.kind) {
    case "literal":
      return { dynamic: false, value: expr.value };
    case "path":
      return { dynamic: true, source: path(expr, dollar, ctx) ?? "$" };
    case "function":
      return { dynamic: true, source: intrinsic(expr.name, expr.args, dollar, ctx) };
    case "jsonPath":
      return { dynamic: true, source: expr.source };
    case "object":
      return { dynamic: false, value: templateObject(expr.entries, dollar, ctx) };
    case "array": {
      const items = expr.items.map((i) => render(i, dollar, ctx));
      if (items.every((i) => !i.dynamic)) return { dynamic: false, value: items.map((i) => (i.dynamic ? null : i.value)) };
      // A path cannot stand as an array element in a payload template; States.Array builds the array instead.
      return { dynamic: true, source: intrinsic("array", expr.items, dollar, ctx) };
    }
    case "jsonata":
      ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a JSONata expression cannot be used in a JSONPath workflow (${ctx.site})`);
      return { dynamic: false, value: null };
    case "condition":
      // Intrinsic functions have no comparison: a test can only be a Choice rule, never a value.
      ctx.sink.report(
        "NOT_EXPRESSIBLE",
        ctx.pointer,
        `a comparison (eq/gt/matches/isPresent/and/or/not…) used as a value needs a JSONata workflow: JSONPath can only test it in a Choice rule (${ctx.site})`,
      );
      return { dynamic: false, value: null };
    case "orElse":
      // A path to an absent field fails the state in JSONPath, wherever it is used: there is no default.
      ctx.sink.report(
        "NOT_EXPRESSIBLE",
        ctx.pointer,
        `orElse() needs a JSONata workflow: JSONPath has no default, and a path to an absent field fails the state; branch with a Choice on isPresent() instead (${ctx.site})`,
      );
      return { dynamic: false, value: null };
  }
}

function templateObject(entries: readonly (readonly [string, Expr])[], dollar: PathRoot, ctx: RenderContext): JsonObject {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, value] of entries) {
    const rendered = render(value, dollar, ctx);
    if (rendered.dynamic) out[`${key}.$`] = rendered.source;
    else out[key] = rendered.value;
  }
  return out;
}

/** Renders a whole template; JSONPath templates must be objects. */
function templateValue(expr: Expr, dollar: PathRoot, ctx: RenderContext, field: string): JsonValue | undefined {
  if (expr.kind === "object") return templateObject(expr.entries, dollar, ctx);
  if (expr.kind === "literal" && typeof expr.value === "object" && expr.value !== null && !Array.isArray(expr.value)) return expr.value;
  // A comparison deserves its own message (why, and what to do) over the generic one.
  if (expr.kind === "condition") {
    render(expr, dollar, ctx);
    return undefined;
  }
  ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `JSONPath ${field} must be an object template (${ctx.site})`);
  return undefined;
}

function referencesRoot(expr: Expr, root: PathRoot): boolean {
  switch (expr.kind) {
    case "path":
      return expr.root === root;
    case "object":
      return expr.entries.some(([, v]) => referencesRoot(v, root));
    case "array":
      return expr.items.some((v) => referencesRoot(v, root));
    case "function":
      return expr.args.some((v) => referencesRoot(v, root));
    case "jsonata":
      return expr.parts.some((p) => typeof p !== "string" && referencesRoot(p, root));
    default:
      return false;
  }
}

function valueField(name: string, value: NumberOrExpr | string, ctx: RenderContext): Fields {
  if (typeof value !== "object") return [[name, value]];
  if (value.kind === "literal") return [[name, value.value]];
  if (value.kind === "path" || value.kind === "jsonPath") {
    const rendered = render(value, "input", ctx);
    return [[`${name}Path`, rendered.dynamic ? rendered.source : null]];
  }
  if (value.kind === "function" && (name === "Error" || name === "Cause")) return [[`${name}Path`, intrinsic(value.name, value.args, "input", ctx)]];
  ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `JSONPath ${name} must be a literal or a path (${ctx.site})`);
  return [];
}

function choiceRule(condition: Condition, ctx: RenderContext): JsonObject {
  switch (condition.kind) {
    case "and":
      return { And: condition.conditions.map((c) => choiceRule(c, ctx)) };
    case "or":
      return { Or: condition.conditions.map((c) => choiceRule(c, ctx)) };
    case "not":
      return { Not: choiceRule(condition.condition, ctx) };
    case "rawCondition":
      if (condition.jsonPath !== undefined) return condition.jsonPath;
      ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a JSONata condition cannot be used in a JSONPath workflow (${ctx.site})`);
      return {};
    default:
      break;
  }
  const left = condition.left;
  const variable = left.kind === "path" ? path(left, "input", ctx) : left.kind === "jsonPath" ? left.source : undefined;
  if (variable === undefined) {
    // orElse() has its own message: why JSONPath cannot, and what to write instead.
    if (left.kind === "orElse") render(left, "input", ctx);
    else if (left.kind !== "path" && left.kind !== "jsonPath") ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a JSONPath Choice rule can only test a path (${ctx.site})`);
    return {};
  }
  switch (condition.kind) {
    case "typeTest":
      return { Variable: variable, [TYPE_TEST_OPERATOR[condition.test]]: condition.expected };
    case "matches":
      return { Variable: variable, StringMatches: condition.pattern };
    case "compare": {
      if (condition.valueType === "unknown") {
        ctx.sink.report(
          "AMBIGUOUS_COMPARISON",
          ctx.pointer,
          `JSONPath must know whether to compare as numbers, strings or booleans; wrap the right side in asNumber()/asString()/asBoolean() (${ctx.site})`,
        );
        return { Variable: variable };
      }
      const operator = `${TYPE_PREFIX[condition.valueType]}${OPERATOR_SUFFIX[condition.operator]}`;
      const right = render(condition.right, "input", ctx);
      return right.dynamic ? { Variable: variable, [`${operator}Path`]: right.source } : { Variable: variable, [operator]: right.value };
    }
  }
}

/** The JSONPath dialect. */
export const jsonPathDialect: QueryDialect = {
  language: "JSONPath",
  taskCall(node) {
    return directLambdaCall(node) ?? node;
  },
  arguments(expr, ctx) {
    if (expr.kind === "path" && expr.root === "input") return [["InputPath", `$${jsonPathSegments(expr.segments)}`]];
    return [["Parameters", templateValue(expr, "input", ctx, "Parameters")]];
  },
  passResult(value) {
    return [["Result", value]];
  },
  output(expr, stage, ctx) {
    if (expr.kind === "jsonPath") return [["OutputPath", expr.source]];
    if (expr.kind === "path" && expr.root === "input") {
      const fields: Field[] = stage === "result" ? [["ResultPath", null]] : [];
      if (expr.segments.length > 0) fields.push(["OutputPath", `$${jsonPathSegments(expr.segments)}`]);
      return fields;
    }
    if (stage === "result" && expr.kind === "path" && expr.root === "result") {
      return expr.segments.length > 0 ? [["OutputPath", `$${jsonPathSegments(expr.segments)}`]] : [];
    }
    if (stage === "result" && !referencesRoot(expr, "input")) return [["ResultSelector", templateValue(expr, "result", ctx, "ResultSelector")]];
    if (stage === "pass") return [["Parameters", templateValue(expr, "input", ctx, "Parameters")]];
    ctx.sink.report(
      "NOT_EXPRESSIBLE",
      ctx.pointer,
      stage === "result"
        ? `a JSONPath output cannot combine the state's input and result; use a JSONata workflow or raw ResultPath (${ctx.site})`
        : `a JSONPath output of this state can only select a path of its input (${ctx.site})`,
    );
    return [];
  },
  resultField(output, path, ctx) {
    const resultPath: Field = ["ResultPath", `$${jsonPathSegments(path)}`];
    if (output === undefined || (output.kind === "path" && output.root === "result" && output.segments.length === 0)) return [resultPath];
    if (output.kind !== "path" && !referencesRoot(output, "input")) return [["ResultSelector", templateValue(output, "result", ctx, "ResultSelector")], resultPath];
    ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `JSONPath can only store a result, or an object built from it, under a field; give an object output (${ctx.site})`);
    return [resultPath];
  },
  passResultField(result, output, path, ctx) {
    const resultPath: Field = ["ResultPath", `$${jsonPathSegments(path)}`];
    if (result !== undefined) return [["Result", result], resultPath];
    if (output === undefined) return [resultPath];
    // What a JSONPath Pass merges is its effective input: InputPath narrows it, Parameters builds it.
    if (output.kind === "jsonPath") return [["InputPath", output.source], resultPath];
    if (output.kind === "path" && output.root === "input") return [...(output.segments.length > 0 ? [["InputPath", `$${jsonPathSegments(output.segments)}`] as Field] : []), resultPath];
    return [["Parameters", templateValue(output, "input", ctx, "Parameters")], resultPath];
  },
  assign(assign, dollar, ctx) {
    return [["Assign", templateObject(assign.entries, dollar, ctx)]];
  },
  ruleOutput(_expr, ctx) {
    ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a JSONPath Choice rule cannot set an output; use a JSONata workflow or a Pass state after the rule (${ctx.site})`);
    return [];
  },
  catchOutput(expr, ctx) {
    if (expr.kind === "jsonPath") return [["ResultPath", expr.source]];
    if (expr.kind === "path" && expr.root === "errorOutput" && expr.segments.length === 0) return [];
    // `ResultPath: null` discards the error output: the Catcher passes the state's input on.
    if (expr.kind === "path" && expr.root === "input" && expr.segments.length === 0) return [["ResultPath", null]];
    ctx.sink.report(
      "NOT_EXPRESSIBLE",
      ctx.pointer,
      `a JSONPath Catcher can only pass on the error output, the state's input (($) => $.input) or a raw ResultPath: jsonPath("$.error") (${ctx.site})`,
    );
    return [];
  },
  catchResultField(field) {
    return [["ResultPath", `$${jsonPathSegments([field])}`]];
  },
  numberField: valueField,
  stringField: valueField,
  template(jsonPathKey, _jsonataKey, expr, dollar, ctx) {
    return [[jsonPathKey, templateValue(expr, dollar, ctx, jsonPathKey)]];
  },
  items(expr, ctx) {
    if (expr.kind === "path" && expr.root === "input") return expr.segments.length > 0 ? [["ItemsPath", `$${jsonPathSegments(expr.segments)}`]] : [];
    if (expr.kind === "path" || expr.kind === "jsonPath") {
      const rendered = render(expr, "input", ctx);
      return rendered.dynamic ? [["ItemsPath", rendered.source]] : [];
    }
    ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `JSONPath Map items must be a path (${ctx.site})`);
    return [];
  },
  choiceCondition(condition, ctx) {
    return Object.entries(choiceRule(condition, ctx));
  },
};
