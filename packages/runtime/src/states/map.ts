import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import { errorOutput, toStatesError } from "../engine/failure.ts";
import { Frame } from "../engine/frame.ts";
import { HistoryRecorder } from "../engine/history.ts";
import { runPool } from "../engine/pool.ts";
import { andThen, runBlock } from "../engine/run-block.ts";
import { commitAssign } from "../engine/state-assign.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { haltReason, keepForRedrive, raiseHalt, takeRedriveOutputs } from "../engine/types.ts";
import type { ExecutionRuntime, HaltFlag } from "../engine/types.ts";
import type { VariableScope } from "../variables/index.ts";
import type { StateCompileContext } from "./context.ts";
import { withRetryAndCatch } from "./guarded.ts";
import { recordEvaluationFailure } from "../engine/evaluation-failed.ts";
import { compileItemBatcher } from "./item-batcher.ts";
import { checkStateResult } from "../tasks/payload-size.ts";
import { checkToleratedFailure } from "./map-config.ts";
import { compileJsonataMapInputs, compileJsonPathMapInputs, itemKeys, resolveNumbers } from "./map-inputs.ts";
import type { ItemMeta } from "./map-inputs.ts";
import { compileItemReader, compileResultWriter, distributedChildRuntime } from "./map-data.ts";
import type { MapChildResult } from "../object-store/result-writer.ts";
import type { MapRunListener } from "../engine/map-run-observer.ts";

/** Inline Map never runs more than 40 iterations at once on AWS. */
const INLINE_MAX_CONCURRENCY = 40;

/** Map: runs the item processor once per item (inline, or as a local stand-in for a Map Run). */
export function compileMap(ctx: StateCompileContext): StateBody {
  const def = ctx.def;
  const name = ctx.name;
  const maxResultBytes = ctx.maxPayloadBytes;
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: true, resultSelector: true });
  const next = ctx.next();
  const assign = ctx.assign(def["Assign"], "Assign");
  const inputs = ctx.language === "JSONata" ? compileJsonataMapInputs(ctx) : compileJsonPathMapInputs(ctx);
  const processorDef = (def["ItemProcessor"] ?? def["Iterator"]) as Record<string, unknown> | undefined;
  const processor = ctx.compileBlock(processorDef);
  const config = processorDef?.["ProcessorConfig"] as Record<string, unknown> | undefined;
  const distributed = config?.["Mode"] === "DISTRIBUTED";
  const processorAssigns = JSON.stringify(processorDef ?? {}).includes('"Assign"');
  const batcher = compileItemBatcher(ctx);
  const reader = compileItemReader(ctx);
  const writer = compileResultWriter(ctx);
  // AWS's form: arn:aws:states:<region>:<account>:mapRun:<machine>/<Label or a UUID>:<run id>;
  // every Map Run (each visit, each retry) gets its own id.
  const mapRunArnOf = (frame: Frame): string => {
    const exec = frame.exec;
    const site = { executionArn: String(exec.contextExecution["Id"]), stateName: name, enteredEventId: frame.enteredEventId, retryCount: frame.retryCount };
    const made = (part: "label" | "run"): string => exec.mapRuns?.mapRunId?.(site, part) ?? randomUUID();
    const label = typeof def["Label"] === "string" ? def["Label"] : made("label");
    return `arn:aws:states:${exec.region}:${exec.accountId}:mapRun:${String(exec.contextStateMachine["Name"])}/${label}:${made("run")}`;
  };

  const iterate = (input: unknown, effective: unknown, items: unknown[], frame: Frame, source: string | undefined): unknown => {
    const exec = frame.exec;
    const history = exec.history;
    frame.lastEventId = history.add("MapStateStarted", frame.lastEventId, undefined, undefined, { length: items.length });
    const numbers = resolveNumbers(
      inputs.maxConcurrency(effective, frame),
      inputs.toleratedCount(effective, frame),
      inputs.toleratedPercentage(effective, frame),
    );
    return andThen(numbers, ([maxConcurrency, count, percentage]) => {
      checkToleratedFailure(count, percentage);
      const mapRunArn = distributed || writer !== undefined ? mapRunArnOf(frame) : "";
      if (distributed) {
        frame.lastEventId = history.add("MapRunStarted", frame.lastEventId, undefined, undefined, { mapRunArn });
      }
      // Item context beyond Index/Value: the key (Map over an object), the source (ItemReader).
      const keys = itemKeys(items);
      const metaOf = keys === undefined && source === undefined ? undefined : (index: number): ItemMeta => ({ key: keys?.[index], source });
      // What ResultWriter writes: each child's input, outcome and times.
      const childResults: MapChildResult[] | undefined = writer === undefined ? undefined : [];
      const requested = maxConcurrency ?? 0;
      const limit = distributed ? requested : requested === 0 ? INLINE_MAX_CONCURRENCY : Math.min(requested, INLINE_MAX_CONCURRENCY);
      // Distributed children are separate executions: their events are not in this history.
      // (Object.create keeps the parent's lazy getters lazy and shares its timer registry.)
      const childExec: ExecutionRuntime = distributed
        ? (Object.create(exec, {
            history: { value: new HistoryRecorder(() => exec.clock.now(), false, Number.POSITIVE_INFINITY) },
          }) as ExecutionRuntime)
        : exec;
      const halt: HaltFlag = { reason: undefined, parent: frame.halt };
      // The tolerated failures as they are now: a host may change them while the Map Run runs (UpdateMapRun).
      const thresholds = (): { readonly toleratedFailureCount: number | undefined; readonly toleratedFailurePercentage: number | undefined } =>
        iteration.listener?.limits ?? { toleratedFailureCount: count, toleratedFailurePercentage: percentage };
      const tolerating = (): boolean => {
        const now = thresholds();
        return distributed && (now.toleratedFailureCount !== undefined || now.toleratedFailurePercentage !== undefined);
      };
      let failures = 0;
      // With ItemBatcher, AWS counts a failed batch as all of its items failed.
      let batchSizes: number[] | undefined;
      const tolerate = (index: number): boolean => {
        if (!tolerating()) return false;
        failures += batchSizes?.[index] ?? 1;
        const { toleratedFailureCount, toleratedFailurePercentage } = thresholds();
        if (toleratedFailureCount !== undefined && failures <= toleratedFailureCount) return true;
        return toleratedFailurePercentage !== undefined && (failures * 100) / items.length <= toleratedFailurePercentage;
      };

      // Per-item work avoids creating named closures: they are the hot path of a large Map.
      // A redriven inline Map runs again only the iterations that did not succeed (RedriveExecution).
      const kept = distributed ? undefined : takeRedriveOutputs(exec, frame.halt, name);
      const succeeded = distributed || frame.halt !== exec.halt ? undefined : new Map<number, unknown>(kept);
      const iteration: IterationContext = { history, name, distributed, halt, tolerate, childResults, clock: exec.clock, running: new Set(), succeeded, listener: undefined };
      const poolLimit = distributed && exec.mapRuns !== undefined ? (): number => iteration.listener?.limits?.maxConcurrency ?? limit : limit;
      // The host watching Map Runs hears of this one once its children are known (after batching).
      const announce = (childItems: readonly number[]): void => {
        if (!distributed || exec.mapRuns === undefined) return;
        iteration.listener = exec.mapRuns.started({
          mapRunArn,
          stateName: name,
          maxConcurrency: requested,
          toleratedFailureCount: count,
          toleratedFailurePercentage: percentage,
          childItems,
          writesResults: writer !== undefined,
        });
      };
      const runUnit = (index: number, itemInput: unknown): unknown => {
        // A distributed child is its own execution ($$.Execution names it under the Map Run).
        const own = distributed ? distributedChildRuntime(childExec, mapRunArn, itemInput) : undefined;
        if (own !== undefined) iteration.listener?.childStarted(index, own.name);
        if (childResults !== undefined) {
          childResults[index] = own === undefined ? { status: "PENDING", input: itemInput, startDate: exec.clock.now() } : { status: "PENDING", input: itemInput, startDate: exec.clock.now(), name: own.name };
        }
        const startedId = distributed ? 0 : history.add("MapIterationStarted", frame.lastEventId, name, index);
        if (!distributed) iteration.running.add(index);
        // A processor that assigns nothing can read the outer variables directly.
        const scope = distributed || processorAssigns ? frame.variables.child({ isolated: distributed }) : undefined;
        const child = new Frame(own?.runtime ?? childExec, startedId, halt, scope ?? frame.variables);
        let out: unknown;
        try {
          out = runBlock(processor, itemInput, child);
        } catch (e) {
          return iterationFailed(iteration, index, scope, child, e);
        }
        return out instanceof Promise
          ? out.then(
              (v: unknown) => iterationSucceeded(iteration, index, scope, child, v),
              (e: unknown) => iterationFailed(iteration, index, scope, child, e),
            )
          : iterationSucceeded(iteration, index, scope, child, out);
      };
      const runItem = (index: number): unknown =>
        kept?.has(index) === true ? kept.get(index) : andThen(inputs.itemInput(effective, items[index], index, frame, metaOf?.(index)), (itemInput) => runUnit(index, itemInput));

      const failRun = (err: StatesError): never => {
        iteration.listener?.ended("FAILED", err);
        if (distributed) {
          frame.lastEventId = history.add("MapRunFailed", history.count, undefined, undefined, { error: err.error, cause: err.cause });
        }
        throw err;
      };
      const onFailure = (e: unknown): unknown => {
        abortRunningIterations(iteration);
        keepForRedrive(exec, frame.halt, name, succeeded);
        const err = tolerating()
          ? new StatesError("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded")
          : toStatesError(e);
        // A failed Map Run still exports its children's results (FAILED_0.json says why); the
        // run's own error stands even if the export fails too.
        if (writer !== undefined && childResults !== undefined) {
          return writer(childResults, mapRunArn, effective, frame).then(
            () => failRun(err),
            () => failRun(err),
          );
        }
        return failRun(err);
      };
      const onSuccess = (results: unknown[]): unknown => {
        // ResultWriter's answer (a manifest reference, or the transformed results) replaces the
        // results before ResultSelector/ResultPath; its failure fails the Map Run.
        if (writer !== undefined && childResults !== undefined) {
          return writer(childResults, mapRunArn, effective, frame).then(
            (written) => finish(written),
            (e: unknown) => failRun(toStatesError(e)),
          );
        }
        return finish(results);
      };
      const finish = (results: unknown): unknown => {
        checkStateResult(results, name, maxResultBytes);
        iteration.listener?.ended("SUCCEEDED");
        if (distributed) frame.lastEventId = history.add("MapRunSucceeded", history.count);
        // MapStateExited points at the last iteration event, not at MapStateSucceeded (observed).
        const lastIterationEvent = history.count;
        history.add("MapStateSucceeded", lastIterationEvent);
        frame.lastEventId = lastIterationEvent;
        frame.next = next;
        if (assign === undefined) return flow.output(input, results, frame);
        const values = assign({ jsonPathInput: results, input, result: results }, frame);
        return commitAssign(values, flow.output(input, results, frame), frame);
      };
      const settle = (outcome: () => unknown[] | Promise<unknown[]>): unknown => {
        let result: unknown[] | Promise<unknown[]>;
        try {
          result = outcome();
        } catch (e) {
          return onFailure(e);
        }
        return result instanceof Promise ? result.then(onSuccess, onFailure) : onSuccess(result);
      };
      if (batcher === undefined) {
        announce(items.map(() => 1));
        return settle(() => runPool(items.length, poolLimit, runItem));
      }
      // Batching: every item's input first, then one child per batch.
      const itemInputs = items.map((item, index) => inputs.itemInput(effective, item, index, frame, metaOf?.(index)));
      const allInputs = itemInputs.some((x) => x instanceof Promise) ? Promise.all(itemInputs) : itemInputs;
      return andThen(andThen(allInputs, (ready) => batcher(ready, effective, frame)), (batches) => {
        batchSizes = batches.map(batchSize);
        announce(batchSizes);
        return settle(() => runPool(batches.length, poolLimit, (i) => runUnit(i, batches[i])));
      });
    });
  };

  const attempt: StateBody = (input, frame) =>
    andThen(flow.effectiveInput(input, frame), (effective) =>
      reader === undefined
        ? andThen(recordEvaluationFailure(() => inputs.items(effective, frame), frame), (items) => iterate(input, effective, items, frame, undefined))
        : reader(effective, frame).then((read) => iterate(input, effective, read.items, frame, read.source)),
    );
  return withRetryAndCatch(attempt, ctx, flow, (frame, error) => {
    // A configuration error (States.Runtime) fails the execution without a MapStateFailed (observed).
    if (error.error === "States.Runtime") return;
    frame.lastEventId = frame.exec.history.add("MapStateFailed", frame.exec.history.count);
  });
}

/** How many items a batch child input (`{ Items: [...], BatchInput? }`) carries. */
function batchSize(batch: unknown): number {
  const items = (batch as { Items?: unknown } | null)?.Items;
  return Array.isArray(items) ? items.length : 1;
}

/** What an iteration's completion needs from its Map visit. */
interface IterationContext {
  readonly history: HistoryRecorder;
  readonly name: string;
  readonly distributed: boolean;
  readonly halt: HaltFlag;
  /** Counts the failure of child `index`; true while the tolerated threshold is not exceeded. */
  readonly tolerate: (index: number) => boolean;
  /** Filled for ResultWriter: each child's outcome. */
  readonly childResults: MapChildResult[] | undefined;
  readonly clock: { now(): number };
  /** Inline iterations started and not yet ended: aborted ones are recorded before MapStateFailed. */
  readonly running: Set<number>;
  /** A top-level inline Map: the outputs of iterations that succeeded, kept if the Map fails (redrive). */
  readonly succeeded: Map<number, unknown> | undefined;
  /** The host's listener for this Map Run (a Distributed Map, when the host watches Map Runs). */
  listener: MapRunListener | undefined;
}

/**
 * An inline Map that fails records, before its MapStateFailed, a MapIterationAborted for every
 * iteration still running (AWS's order, recorded: test_service_lambda_map_timeout); their own
 * endings, a few promise steps later, then record nothing more.
 */
function abortRunningIterations(it: IterationContext): void {
  for (const index of [...it.running].sort((a, b) => a - b)) it.history.add("MapIterationAborted", it.history.count, it.name, index);
  it.running.clear();
}

function iterationSucceeded(it: IterationContext, index: number, scope: VariableScope | undefined, child: Frame, value: unknown): unknown {
  scope?.dispose();
  if (!it.distributed && it.running.delete(index)) it.history.add("MapIterationSucceeded", child.lastEventId, it.name, index);
  it.succeeded?.set(index, value);
  it.listener?.childEnded(index, "SUCCEEDED");
  const record = it.childResults?.[index];
  if (record !== undefined) it.childResults![index] = { ...record, status: "SUCCEEDED", output: value, stopDate: it.clock.now() };
  return value;
}

function iterationFailed(it: IterationContext, index: number, scope: VariableScope | undefined, child: Frame, e: unknown): unknown {
  scope?.dispose();
  const err = toStatesError(e);
  // An iteration stopped because a sibling already failed the Map is aborted, not failed
  // (recorded: test_service_lambda_map_timeout, MapIterationFailed then MapIterationAborted).
  const aborted = haltReason(it.halt) !== undefined;
  if (!it.distributed && it.running.delete(index)) it.history.add(aborted ? "MapIterationAborted" : "MapIterationFailed", child.lastEventId, it.name, index);
  it.listener?.childEnded(index, aborted ? "ABORTED" : "FAILED");
  const record = it.childResults?.[index];
  if (record !== undefined) it.childResults![index] = { ...record, status: "FAILED", error: err.error, cause: err.cause, stopDate: it.clock.now() };
  if (it.tolerate(index)) return errorOutput(err);
  raiseHalt(it.halt, err);
  throw err;
}
