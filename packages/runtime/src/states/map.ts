import { StatesError } from "../errors.ts";
import { compilePayloadTemplate, compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import { errorOutput, toStatesError } from "../engine/failure.ts";
import { Frame } from "../engine/frame.ts";
import { HistoryRecorder } from "../engine/history.ts";
import { runPool } from "../engine/pool.ts";
import { runBlock, andThen } from "../engine/run-block.ts";
import type { StateBody } from "../engine/state-shell.ts";
import type { ExecutionRuntime, HaltFlag } from "../engine/types.ts";
import type { StateCompileContext } from "./context.ts";
import { withRetryAndCatch } from "./guarded.ts";
import { checkToleratedFailure, compileNumberField } from "./map-config.ts";

/** Inline Map never runs more than 40 iterations at once on AWS. */
const INLINE_MAX_CONCURRENCY = 40;

/** Map: runs the item processor once per item (inline, or as a local stand-in for a Map Run). */
export function compileMap(ctx: StateCompileContext): StateBody {
  const def = ctx.def;
  const name = ctx.name;
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: true, resultSelector: true });
  const next = ctx.next();
  const processorDef = (def["ItemProcessor"] ?? def["Iterator"]) as Record<string, unknown> | undefined;
  const processor = ctx.compileBlock(processorDef);
  const config = processorDef?.["ProcessorConfig"] as Record<string, unknown> | undefined;
  const distributed = config?.["Mode"] === "DISTRIBUTED";
  const itemsPathText = typeof def["ItemsPath"] === "string" && def["ItemsPath"] !== "$" ? def["ItemsPath"] : undefined;
  const itemsPath = itemsPathText === undefined ? undefined : compileReferencePath(itemsPathText);
  const selectorField = Object.hasOwn(def, "ItemSelector") ? "ItemSelector" : Object.hasOwn(def, "Parameters") ? "Parameters" : undefined;
  const selector = selectorField === undefined ? undefined : compilePayloadTemplate(def[selectorField], selectorField);
  const maxConcurrency = compileNumberField(def, "MaxConcurrency", "integer");
  const toleratedCount = compileNumberField(def, "ToleratedFailureCount", "integer");
  const toleratedPercentage = compileNumberField(def, "ToleratedFailurePercentage", "float");
  const mapRunArnOf = (exec: ExecutionRuntime): string => {
    const execArn = String(exec.contextExecution["Id"]);
    const label = typeof def["Label"] === "string" ? def["Label"] : name;
    return `${execArn.replace(":execution:", ":mapRun:")}/${label}:${execArn.split(":").pop() ?? ""}`;
  };

  const attempt: StateBody = (input, frame) =>
    andThen(flow.effectiveInput(input, frame), (effective) => {
      const exec = frame.exec;
      const history = exec.history;
      const items = itemsPath === undefined ? effective : itemsPath.evaluate(effective, frame);
      if (items === NOT_FOUND) {
        throw new StatesError("States.Runtime", `Invalid path '${itemsPathText}' : No results for path: ${itemsPathText}`);
      }
      if (!Array.isArray(items)) {
        throw new StatesError(
          "States.Runtime",
          `Invalid path '${itemsPathText ?? "$"}': The Map state's ItemsPath must reference a JSON array, but was: ${JSON.stringify(items)}`,
        );
      }
      frame.lastEventId = history.add("MapStateStarted", frame.lastEventId, undefined, undefined, { length: items.length });
      const limitValue = maxConcurrency(effective, frame) ?? 0;
      const count = toleratedCount(effective, frame);
      const percentage = toleratedPercentage(effective, frame);
      checkToleratedFailure(count, percentage);
      if (distributed) {
        frame.lastEventId = history.add("MapRunStarted", frame.lastEventId, undefined, undefined, { mapRunArn: mapRunArnOf(exec) });
      }
      const limit = distributed ? limitValue : limitValue === 0 ? INLINE_MAX_CONCURRENCY : Math.min(limitValue, INLINE_MAX_CONCURRENCY);
      // Distributed children are separate executions: their events are not in this history.
      const childExec: ExecutionRuntime = distributed
        ? { ...exec, history: new HistoryRecorder(() => exec.clock.now(), false, Number.POSITIVE_INFINITY) }
        : exec;
      const halt: HaltFlag = { reason: undefined, parent: frame.halt };
      let failures = 0;
      const tolerate = (err: StatesError): boolean => {
        if (count === undefined && percentage === undefined) return false;
        failures++;
        if (count !== undefined && failures <= count) return true;
        if (percentage !== undefined && (failures * 100) / items.length <= percentage) return true;
        return false;
      };

      const runItem = (index: number): unknown => {
        const item: unknown = items[index];
        let itemInput = item;
        if (selector !== undefined) {
          frame.mapItem = { Index: index, Value: item };
          frame.invalidateContext();
          try {
            itemInput = selector.evaluate(effective, frame);
          } finally {
            frame.mapItem = undefined;
            frame.invalidateContext();
          }
        }
        const startedId = distributed ? 0 : history.add("MapIterationStarted", frame.lastEventId, name, undefined, { index });
        const child = new Frame(childExec, startedId, halt, frame.variables);
        const succeeded = (v: unknown): unknown => {
          if (!distributed) history.add("MapIterationSucceeded", child.lastEventId, name, undefined, { index });
          return v;
        };
        const failed = (e: unknown): unknown => {
          const err = toStatesError(e);
          if (!distributed) history.add("MapIterationFailed", child.lastEventId, name, undefined, { index });
          if (distributed && tolerate(err)) return errorOutput(err);
          halt.reason ??= err;
          throw err;
        };
        let out: unknown;
        try {
          out = runBlock(processor, itemInput, child);
        } catch (e) {
          return failed(e);
        }
        return out instanceof Promise ? out.then(succeeded, failed) : succeeded(out);
      };

      const onFailure = (e: unknown): never => {
        const err0 = toStatesError(e);
        const err =
          distributed && (count !== undefined || percentage !== undefined)
            ? new StatesError("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded")
            : err0;
        if (distributed) frame.lastEventId = history.add("MapRunFailed", history.count, undefined, undefined, {});
        frame.lastEventId = history.add("MapStateFailed", history.count);
        throw err;
      };
      const onSuccess = (results: unknown[]): unknown => {
        if (distributed) frame.lastEventId = history.add("MapRunSucceeded", history.count);
        frame.lastEventId = history.add("MapStateSucceeded", history.count);
        frame.next = next;
        return flow.output(input, results, frame);
      };
      let outcome: unknown[] | Promise<unknown[]>;
      try {
        outcome = runPool(items.length, limit, runItem);
      } catch (e) {
        return onFailure(e);
      }
      return outcome instanceof Promise ? outcome.then(onSuccess, onFailure) : onSuccess(outcome);
    });
  return withRetryAndCatch(attempt, ctx, flow);
}
