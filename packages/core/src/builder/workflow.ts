/** `workflow()`: names a state machine, fixes its input type and query language, and compiles it. */
import type { AslDefinition } from "../compiler/asl-definition.ts";
import { renderWorkflow } from "../compiler/asl-compiler.ts";
import { validateCompiledAsl } from "../compiler/asl-validation.ts";
import { withCallSites } from "../compiler/diagnostic-sites.ts";
import { formatDiagnostics, type CompileDiagnostic } from "../compiler/compile-diagnostic.ts";
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { QueryLanguage, WorkflowNode } from "../ir/state-node.ts";
import { captureSite, type CallSite } from "./call-site.ts";
import { chainData, type Chain, type ChainLike, type DoneAfter, type PassesInput, type Target, type FailOptions, type StateFactories, type SucceedOptions, type VarsAssigned } from "./chain-types.ts";
import { buildWorkflowIr } from "./graph-to-ir.ts";
import { typeOnly, type InferSchema, type StandardSchemaLike } from "./schema.ts";
import { makeChain, makeFactories, standaloneFail, standaloneSucceed, targetChain } from "./state-factories.ts";
import { joinChains, jumpTo, type ChainData } from "./state-graph.ts";
import type { StepcraftTypeError } from "./type-error.ts";
import { workflowLambdas, workflowStateSites } from "./workflow-lambdas.ts";

export interface WorkflowOptions<S extends StandardSchemaLike> {
  /** The execution input's schema (zod, any Standard Schema, or `typeOnly<T>()`). @default no input: `{}`, with no fields to read */
  readonly input?: S;
  /** @default "JSONata" */
  readonly queryLanguage?: QueryLanguage;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly version?: string;
  /** Validate for this machine type (Express rejects `.sync`, callbacks and distributed Maps). @default "STANDARD" */
  readonly type?: "STANDARD" | "EXPRESS";
}

/** The result of compiling: the ASL and every diagnostic (builder, compiler and validator). */
export interface CompileResult {
  readonly asl: AslDefinition;
  readonly diagnostics: readonly CompileDiagnostic[];
}

/** A workflow being declared: state factories whose input is the execution input. */
export interface WorkflowBuilder<In> extends StateFactories<In, In, {}, never> {
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly inputSchema: StandardSchemaLike<In>;
  /** Sets the first chain; it must accept the execution input. */
  startWith<Out, V, E extends string, D = never>(chain: ChainLike<In, Out, V, E, D>): Workflow<In, Out, V, E, DoneAfter<D, In>>;
}

/** A complete workflow: compile it, or keep chaining. `Out` is what its open ends produce, `D` what its Succeed states output. */
export interface Workflow<In, Out, V = {}, E extends string = never, D = never> {
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly inputSchema: StandardSchemaLike<In>;
  /** Phantom: the type of a successful execution's output (an open end's, or a Succeed state's). */
  readonly outputType?: (output: Out | D) => void;
  then<O2, V2, E2 extends string, D2 = never>(
    next: [Out] extends [never] ? StepcraftTypeError<"this workflow has no open end to continue"> : Target<Out, V, O2, V2, E2, D2>,
  ): Workflow<In, O2, V2, E | E2, D | DoneAfter<D2, Out>>;
  /**
   * The `lambda()` declarations this workflow's Task states invoke (Parallel branches and Map
   * processors included), each once: what `localTasks()` binds and the CDK construct deploys.
   */
  readonly lambdas: readonly LambdaDeclaration[];
  /**
   * Where each state was declared: state name → builder call site (`file:line`, relative to the
   * working directory). Test runs hand it to the runtime so workflow coverage maps to source.
   */
  stateSites(): Readonly<Record<string, string>>;
  /** The IR and the builder's graph diagnostics. */
  toIr(): { readonly ir: WorkflowNode; readonly diagnostics: readonly CompileDiagnostic[] };
  /** Compiles without throwing. */
  compile(): CompileResult;
  /** Compiles, validates and returns the ASL; throws one error listing every diagnostic. */
  toAsl(): AslDefinition;
  /** The ASL as JSON text (deterministic: same workflow, same bytes). */
  toJson(space?: number): string;
}

/** Thrown by `toAsl()` when the workflow does not compile to valid ASL. */
export class WorkflowCompileError extends Error {
  readonly diagnostics: readonly CompileDiagnostic[];
  constructor(name: string, diagnostics: readonly CompileDiagnostic[]) {
    super(`workflow "${name}" does not compile:\n${formatDiagnostics(diagnostics)}`);
    this.name = "WorkflowCompileError";
    this.diagnostics = diagnostics;
  }
}

interface WorkflowMetaData {
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly inputSchema: StandardSchemaLike;
  readonly comment: string | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly version: string | undefined;
  readonly type: "STANDARD" | "EXPRESS";
  /** The `workflow()` call, named by findings about the workflow's own fields (`/TimeoutSeconds`). */
  readonly site: CallSite;
}

function compileGraph(meta: WorkflowMetaData, graph: ChainData): CompileResult {
  const { ir, diagnostics: graphDiagnostics } = buildWorkflowIr(graph, {
    name: meta.name,
    queryLanguage: meta.queryLanguage,
    ...(meta.comment === undefined ? {} : { comment: meta.comment }),
    ...(meta.timeoutSeconds === undefined ? {} : { timeoutSeconds: meta.timeoutSeconds }),
    ...(meta.version === undefined ? {} : { version: meta.version }),
  });
  const { asl, diagnostics: renderDiagnostics } = renderWorkflow(ir);
  const own = [...graphDiagnostics, ...renderDiagnostics];
  // The validator would repeat graph errors without call sites; run it once the graph is sound.
  const validation = own.some((d) => d.severity === "error") ? [] : withCallSites(validateCompiledAsl(asl, { stateMachineType: meta.type }), ir, meta.site.text);
  return { asl, diagnostics: [...own, ...validation] };
}

function makeWorkflow(meta: WorkflowMetaData, graph: ChainData): object {
  const compile = (): CompileResult => compileGraph(meta, graph);
  const toIr = () =>
    buildWorkflowIr(graph, {
      name: meta.name,
      queryLanguage: meta.queryLanguage,
      ...(meta.comment === undefined ? {} : { comment: meta.comment }),
      ...(meta.timeoutSeconds === undefined ? {} : { timeoutSeconds: meta.timeoutSeconds }),
      ...(meta.version === undefined ? {} : { version: meta.version }),
    });
  // Built on first read: most workflows are only compiled, and the graph never changes.
  let lambdas: readonly LambdaDeclaration[] | undefined;
  return Object.freeze({
    name: meta.name,
    queryLanguage: meta.queryLanguage,
    inputSchema: meta.inputSchema,
    get lambdas(): readonly LambdaDeclaration[] {
      lambdas ??= workflowLambdas(toIr().ir);
      return lambdas;
    },
    stateSites: () => workflowStateSites(toIr().ir),
    then(next: unknown) {
      return makeWorkflow(meta, joinChains(graph, targetChain(next), captureSite()));
    },
    toIr,
    compile,
    toAsl() {
      const { asl, diagnostics } = compile();
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) throw new WorkflowCompileError(meta.name, errors);
      return asl;
    },
    toJson(space?: number) {
      return JSON.stringify((this as { toAsl(): AslDefinition }).toAsl(), null, space);
    },
  });
}

/**
 * Declares a workflow. Without options it takes no input and uses JSONata.
 * @example
 * const flow = workflow("PlaceOrder", { input: Order, queryLanguage: "JSONata" });
 * export const placeOrder = flow.startWith(flow.pass("Start").succeed("Done"));
 */
export function workflow<S extends StandardSchemaLike = StandardSchemaLike<{}>>(name: string, options: WorkflowOptions<S> = {}): WorkflowBuilder<InferSchema<S>> {
  // A workflow without an input schema takes none: AWS starts it with `{}`.
  const inputSchema = options.input ?? typeOnly<{}>();
  const meta: WorkflowMetaData = {
    name,
    queryLanguage: options.queryLanguage ?? "JSONata",
    inputSchema,
    comment: options.comment,
    timeoutSeconds: options.timeoutSeconds,
    version: options.version,
    type: options.type ?? "STANDARD",
    site: captureSite(),
  };
  const builder = {
    name,
    queryLanguage: meta.queryLanguage,
    inputSchema,
    startWith(chain: ChainLike<never, unknown, unknown, string>) {
      return makeWorkflow(meta, chain[chainData]);
    },
    ...makeFactories((piece) => piece),
  };
  // The run-time object implements the typed interface method by method (state-factories.ts).
  return Object.freeze(builder) as unknown as WorkflowBuilder<InferSchema<S>>;
}

/** State factories for a fragment whose input is `In` (and that may read variables `V`), built apart from any workflow. */
export function states<In, V = {}>(): StateFactories<FragmentInput<In, V>, In, V, never> {
  return Object.freeze(makeFactories((piece) => piece)) as unknown as StateFactories<FragmentInput<In, V>, In, V, never>;
}

/** What a fragment accepts: its input, and (when it reads variables) those variables assigned on every path to it. */
type FragmentInput<In, V> = [keyof V] extends [never] ? In : In & VarsAssigned<V>;

/** A jump to a state already in the graph (a loop back, or a shared successor); adds no state. */
export function goto<In>(target: ChainLike<In, unknown, unknown, string, unknown>): Chain<In, never, {}, never> {
  return makeChain(jumpTo(target[chainData])) as unknown as Chain<In, never, {}, never>;
}

/** A Succeed state that accepts any input and outputs it (its type is known where the state is joined). */
export function succeed(name: string, options: SucceedOptions<unknown, {}> = {}): Chain<unknown, never, {}, never, PassesInput> {
  return standaloneSucceed(name, options as { readonly [key: string]: unknown }) as unknown as Chain<unknown, never, {}, never, PassesInput>;
}

/** A Fail state that accepts any input. */
export function fail(name: string, options: FailOptions<unknown, {}> = {}): Chain<unknown, never, {}, never> {
  return standaloneFail(name, options as { readonly [key: string]: unknown }) as unknown as Chain<unknown, never, {}, never>;
}
