/** The JSONata spelling: `{% … %}` strings over `$states.*`, `Arguments`/`Output`, `Condition`. */
import type { Condition, Expr, FunctionName, JsonValue, PathExpr } from "../ir/expr-node.ts";
import type { NumberOrExpr } from "../ir/state-node.ts";
import { jsonataSegments } from "./path-spelling.ts";
import type { QueryDialect, RenderContext } from "./query-dialect.ts";

const ROOT_SOURCE = {
  input: "$states.input",
  result: "$states.result",
  errorOutput: "$states.errorOutput",
  context: "$states.context",
} as const;

const TIMESTAMP_PATTERN = String.raw`/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/`;

function pathSource(expr: PathExpr): string {
  const head = expr.root === "variable" ? `$${expr.variable ?? ""}` : ROOT_SOURCE[expr.root];
  return `${head}${jsonataSegments(expr.segments)}`;
}

function literalSource(value: JsonValue): string {
  return JSON.stringify(value);
}

/** ASL's glob (`*`, `\*`, `\\`) as a JSONata regular expression. */
function globToRegex(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\" && i + 1 < pattern.length) {
      out += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "*") {
      out += ".*";
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  return `/^${out}$/`;
}

function functionSource(name: FunctionName, args: readonly Expr[], ctx: RenderContext): string {
  const a = args.map((x) => source(x, ctx));
  const [a0 = "", a1 = "", a2 = ""] = a;
  switch (name) {
    case "format": {
      const template = args[0];
      if (template?.kind !== "literal" || typeof template.value !== "string") {
        ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `format() needs a literal template (${ctx.site})`);
        return '""';
      }
      const pieces = template.value.split("{}");
      const parts: string[] = [];
      pieces.forEach((piece, i) => {
        if (piece !== "") parts.push(literalSource(piece));
        if (i < pieces.length - 1) parts.push(`$string(${a[i + 1] ?? "null"})`);
      });
      return parts.length === 0 ? '""' : parts.join(" & ");
    }
    case "stringToJson":
      return `$parse(${a0})`;
    case "jsonToString":
      return `$string(${a0})`;
    case "array":
      return `[${a.join(", ")}]`;
    case "arrayPartition":
      return `$partition(${a0}, ${a1})`;
    case "arrayContains":
      return `(${a1} in ${a0})`;
    case "arrayRange":
      return `$range(${a0}, ${a1}, ${a2})`;
    case "arrayGetItem":
      return `(${a0})[${a1}]`;
    case "arrayLength":
      return `$count(${a0})`;
    case "arrayUnique":
      return `$distinct(${a0})`;
    case "base64Encode":
      return `$base64encode(${a0})`;
    case "base64Decode":
      return `$base64decode(${a0})`;
    case "hash":
      return `$hash(${a0}, ${a1})`;
    case "jsonMerge":
      return `$merge([${a0}, ${a1}])`;
    case "mathRandom":
      if (args.length > 2) {
        // Dropping the seed would compile, but to a different function: a seeded call is repeatable.
        ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `fn.mathRandom()'s seed has no JSONata equivalent: $random() takes no seed (${ctx.site})`);
      }
      return `($floor($random() * (${a1} - ${a0})) + ${a0})`;
    case "mathAdd":
      return `(${a0} + ${a1})`;
    case "stringSplit": {
      const delimiters = args[1];
      if (delimiters?.kind !== "literal" || typeof delimiters.value !== "string" || delimiters.value === "") {
        ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `stringSplit() needs literal delimiters in JSONata (${ctx.site})`);
        return "[]";
      }
      const chars = [...delimiters.value].map((c) => c.replace(/[\]\\/^-]/g, "\\$&")).join("");
      // Every delimiter character splits and empty tokens are dropped, as States.StringSplit does.
      return `$filter($split(${a0}, /[${chars}]/), function($v) { $v != "" })`;
    }
    case "uuid":
      return "$uuid()";
  }
}

/**
 * `base` with the field at `path` set to `value`, as JSONPath's `ResultPath` does: each object on
 * the way keeps its other fields, and a missing one is created (`$merge` skips an undefined base).
 */
function mergeAt(base: string, path: readonly string[], value: string): string {
  const [field, ...rest] = path;
  if (field === undefined) return value;
  const inner = rest.length === 0 ? value : mergeAt(`${base}${jsonataSegments([field])}`, rest, value);
  return `$merge([${base}, {${JSON.stringify(field)}: ${inner}}])`;
}

/** The JSONata source of an expression, without the `{% %}` delimiters. */
function source(expr: Expr, ctx: RenderContext): string {
  switch (expr.kind) {
    case "literal":
      return literalSource(expr.value);
    case "path":
      return pathSource(expr);
    case "function":
      return functionSource(expr.name, expr.args, ctx);
    case "jsonata":
      return expr.parts.map((p) => (typeof p === "string" ? p : source(p, ctx))).join("");
    case "object":
      return `{${expr.entries.map(([k, v]) => `${JSON.stringify(k)}: ${source(v, ctx)}`).join(", ")}}`;
    case "array":
      return `[${expr.items.map((i) => source(i, ctx)).join(", ")}]`;
    case "jsonPath":
      ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a raw JSONPath cannot be used in a JSONata workflow (${ctx.site})`);
      return "null";
    case "condition":
      // The same spelling as a Choice rule's `Condition`, so a test reads alike wherever it is used.
      return conditionSource(expr.condition, ctx);
    case "orElse": {
      const value = operand(expr.value, ctx);
      return `($exists(${value}) ? ${value} : ${operand(expr.fallback, ctx)})`;
    }
  }
}

/** An operand of a comparison: raw and computed expressions are parenthesised so precedence cannot bite. */
function operand(expr: Expr, ctx: RenderContext): string {
  const text = source(expr, ctx);
  return expr.kind === "jsonata" || expr.kind === "function" || expr.kind === "condition" ? `(${text})` : text;
}

const isExpressionString = (s: string): boolean => s.startsWith("{%") && s.endsWith("%}");

/** A field value: literals stay JSON, everything computed becomes one `{% … %}` string. */
function template(expr: Expr, ctx: RenderContext): JsonValue {
  switch (expr.kind) {
    case "literal":
      // A literal string that looks like an expression must not be evaluated.
      return typeof expr.value === "string" && isExpressionString(expr.value) ? `{% ${literalSource(expr.value)} %}` : expr.value;
    case "object": {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, value] of expr.entries) out[key] = template(value, ctx);
      return out;
    }
    case "array":
      return expr.items.map((i) => template(i, ctx));
    default:
      return `{% ${source(expr, ctx)} %}`;
  }
}

function valueField(name: string, value: NumberOrExpr | string | Expr, ctx: RenderContext): readonly (readonly [string, JsonValue])[] {
  return [[name, typeof value === "object" ? template(value, ctx) : value]];
}

function conditionSource(condition: Condition, ctx: RenderContext): string {
  switch (condition.kind) {
    case "and":
      return `(${condition.conditions.map((c) => conditionSource(c, ctx)).join(" and ")})`;
    case "or":
      return `(${condition.conditions.map((c) => conditionSource(c, ctx)).join(" or ")})`;
    case "not":
      return `$not(${conditionSource(condition.condition, ctx)})`;
    case "rawCondition":
      if (condition.jsonata !== undefined) return `(${condition.jsonata})`;
      ctx.sink.report("NOT_EXPRESSIBLE", ctx.pointer, `a JSONPath rule cannot be used in a JSONata workflow (${ctx.site})`);
      return "false";
    case "matches":
      return `$contains(${source(condition.left, ctx)}, ${globToRegex(condition.pattern)})`;
    case "typeTest": {
      const left = source(condition.left, ctx);
      const test = {
        isPresent: `$exists(${left})`,
        isNull: `(${left} = null)`,
        isNumeric: `($type(${left}) = "number")`,
        isString: `($type(${left}) = "string")`,
        isBoolean: `($type(${left}) = "boolean")`,
        isTimestamp: `($type(${left}) = "string" and $contains(${left}, ${TIMESTAMP_PATTERN}))`,
      }[condition.test];
      return condition.expected ? test : `$not(${test})`;
    }
    case "compare": {
      const operator = { eq: "=", lt: "<", gt: ">", lte: "<=", gte: ">=" }[condition.operator];
      const left = operand(condition.left, ctx);
      const right = operand(condition.right, ctx);
      return condition.valueType === "timestamp"
        ? `$toMillis(${left}) ${operator} $toMillis(${right})`
        : `${left} ${operator} ${right}`;
    }
  }
}

/** The JSONata dialect. */
export const jsonataDialect: QueryDialect = {
  language: "JSONata",
  // `$states.result.Payload` unwraps the invoke envelope anywhere: every Task keeps its resource.
  taskCall(node) {
    return node;
  },
  arguments(expr, ctx) {
    return [["Arguments", template(expr, ctx)]];
  },
  passResult(value, ctx) {
    // JSONata Pass states have no Result field; a literal Output says the same.
    return [["Output", template({ kind: "literal", value }, ctx)]];
  },
  output(expr, _stage, ctx) {
    return [["Output", template(expr, ctx)]];
  },
  resultField(output, path, ctx) {
    return [["Output", `{% ${mergeAt(ROOT_SOURCE.input, path, output === undefined ? ROOT_SOURCE.result : source(output, ctx))} %}`]];
  },
  passResultField(result, output, path, ctx) {
    const value = result !== undefined ? literalSource(result) : output !== undefined ? source(output, ctx) : ROOT_SOURCE.input;
    return [["Output", `{% ${mergeAt(ROOT_SOURCE.input, path, value)} %}`]];
  },
  assign(assign, _dollar, ctx) {
    return [["Assign", template(assign, ctx)]];
  },
  ruleOutput(expr, ctx) {
    return [["Output", template(expr, ctx)]];
  },
  catchOutput(expr, ctx) {
    // The default Catcher output is the error output itself; say nothing in that case.
    if (expr.kind === "path" && expr.root === "errorOutput" && expr.segments.length === 0) return [];
    return [["Output", template(expr, ctx)]];
  },
  catchResultField(field, ctx) {
    return jsonataDialect.resultField({ kind: "path", root: "errorOutput", segments: [] }, [field], ctx);
  },
  numberField: valueField,
  stringField: valueField,
  template(_jsonPathKey, jsonataKey, expr, _dollar, ctx) {
    return [[jsonataKey, template(expr, ctx)]];
  },
  items(expr, ctx) {
    if (expr.kind === "path" && expr.root === "input" && expr.segments.length === 0) return [];
    return [["Items", template(expr, ctx)]];
  },
  choiceCondition(condition, ctx) {
    return [["Condition", `{% ${conditionSource(condition, ctx)} %}`]];
  },
};
