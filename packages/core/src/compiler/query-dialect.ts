/**
 * The hooks in which JSONPath and JSONata output differ. Everything else in the compiler is shared,
 * like kysely's dialect compilers overriding a few methods of one base.
 */
import type { Condition, Expr, JsonValue, ObjectExpr, PathRoot } from "../ir/expr-node.ts";
import type { NumberOrExpr, QueryLanguage, TaskNode } from "../ir/state-node.ts";
import type { DiagnosticSink } from "./compile-diagnostic.ts";
import type { Fields } from "./ordered-fields.ts";

/** Where a rendered piece lands, for diagnostics. */
export interface RenderContext {
  readonly sink: DiagnosticSink;
  /** JSON pointer of the state (or nested object) being rendered. */
  readonly pointer: string;
  /** `file:line` of the builder call, quoted in messages. */
  readonly site: string;
}

/** Which data a state's `output` is computed from. */
export type OutputStage = "result" | "input" | "pass";

export interface QueryDialect {
  readonly language: QueryLanguage;
  /** The Task as this language calls its resource (JSONPath calls some `lambda()` functions by ARN, see direct-lambda-call.ts). */
  taskCall(node: TaskNode): TaskNode;
  /** The effective input of a Task or Parallel (`Parameters`/`InputPath` or `Arguments`). */
  arguments(expr: Expr, ctx: RenderContext): Fields;
  /** A Pass state's literal result (`Result`, or a literal `Output`). */
  passResult(value: JsonValue, ctx: RenderContext): Fields;
  /** What the state outputs (`ResultSelector`/`ResultPath`/`OutputPath`/`Parameters` or `Output`). */
  output(expr: Expr, stage: OutputStage, ctx: RenderContext): Fields;
  /** The output of a state whose result is merged into its input at `path` (one field or nested ones). */
  resultField(output: Expr | undefined, path: readonly string[], ctx: RenderContext): Fields;
  /** A Pass state whose result (its `result`, its `output`, else its input) is merged into its input at `path`. */
  passResultField(result: JsonValue | undefined, output: Expr | undefined, path: readonly string[], ctx: RenderContext): Fields;
  /** Variables; `dollar` is what `$` means in JSONPath for this Assign. */
  assign(assign: ObjectExpr, dollar: PathRoot, ctx: RenderContext): Fields;
  /** A Choice rule's output (JSONata only). */
  ruleOutput(expr: Expr, ctx: RenderContext): Fields;
  /** A Catcher's output (`ResultPath` or `Output`). */
  catchOutput(expr: Expr, ctx: RenderContext): Fields;
  /** A Catcher that keeps the state input and puts the error output under `field`. */
  catchResultField(field: string, ctx: RenderContext): Fields;
  /** A number that may be computed (`TimeoutSeconds` vs `TimeoutSecondsPath` vs `{% %}`). */
  numberField(name: string, value: NumberOrExpr, ctx: RenderContext): Fields;
  /** A string that may be computed (`Error`/`ErrorPath`, `Timestamp`/`TimestampPath`). */
  stringField(name: string, value: string | Expr, ctx: RenderContext): Fields;
  /** A payload template under a language-specific key (`Parameters` vs `Arguments`). */
  template(jsonPathKey: string, jsonataKey: string, expr: Expr, dollar: PathRoot, ctx: RenderContext): Fields;
  /** The array a Map iterates (`ItemsPath` or `Items`). */
  items(expr: Expr, ctx: RenderContext): Fields;
  /** The test part of a Choice rule (`Variable` + operator, or `Condition`). */
  choiceCondition(condition: Condition, ctx: RenderContext): Fields;
}
