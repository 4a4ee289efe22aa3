/** The Map state, inline or distributed: items, selector, reader, batcher, writer, limits. */
import type { StateNode } from "../ir/state-node.ts";
import type { CallSite } from "./call-site.ts";
import { jsonOnly, toExpr } from "./ref-proxy.ts";
import { defined, inputScope, itemScope, numberOrExpr, resultFieldPath, resultScope, select, selectAssign } from "./selector-scopes.ts";
import { base, catchNodes, catchers, draft, retriers, withCatches, type Options, type TargetResolver } from "./state-draft.ts";
import type { ChainData } from "./state-graph.ts";

/** Builds a Map state as a chain; `nested` builds the processor. */
export function mapState(name: string, options: Options, site: CallSite, nested: TargetResolver, resolve: TargetResolver, id?: number): ChainData {
  const processor = nested(options["processor"]);
  const resultField = resultFieldPath(options["resultField"]);
  const items = select(options["items"], inputScope());
  const itemSelector = select(options["itemSelector"], itemScope());
  const output = select(options["output"], resultScope());
  const assign = selectAssign(options["assign"], resultScope());
  const reader = options["itemReader"] as { resource: string; arguments?: unknown; readerConfig?: { [k: string]: unknown } } | undefined;
  const batcher = options["itemBatcher"] as { [k: string]: unknown } | undefined;
  const writer = options["resultWriter"] as { resource?: string; arguments?: unknown; writerConfig?: object } | undefined;
  const { specs, slots } = catchers(options["catch"]);
  const distributed = options["mode"] === "distributed" || reader !== undefined || writer !== undefined;
  const d = draft("map", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "map",
      transition: link.transition("next"),
      resultField,
      mode: distributed ? "distributed" : "inline",
      executionType: options["executionType"] as "STANDARD" | "EXPRESS" | undefined,
      processor: link.block(processor, "/ItemProcessor"),
      items,
      itemSelector,
      itemReader:
        reader === undefined
          ? undefined
          : defined({
              resource: reader.resource,
              // A selector reads the Map state's input, as every other option does.
              arguments: typeof reader.arguments === "function" ? select(reader.arguments, inputScope()) : reader.arguments === undefined ? undefined : toExpr(reader.arguments),
              readerConfig:
                reader.readerConfig === undefined
                  ? undefined
                  : defined({ ...jsonOnly({ ...reader.readerConfig, maxItems: undefined }, "an ItemReader's readerConfig"), maxItems: numberOrExpr(reader.readerConfig["maxItems"]) }),
            }),
      itemBatcher:
        batcher === undefined
          ? undefined
          : defined({
              maxItemsPerBatch: numberOrExpr(batcher["maxItemsPerBatch"]),
              maxInputBytesPerBatch: numberOrExpr(batcher["maxInputBytesPerBatch"]),
              batchInput: batcher["batchInput"] === undefined ? undefined : toExpr(batcher["batchInput"]),
            }),
      resultWriter:
        writer === undefined
          ? undefined
          : defined({
              resource: writer.resource ?? "arn:aws:states:::s3:putObject",
              arguments: writer.arguments === undefined ? undefined : toExpr(writer.arguments),
              writerConfig: writer.writerConfig === undefined ? undefined : jsonOnly(writer.writerConfig, "a ResultWriter's writerConfig"),
            }),
      maxConcurrency: numberOrExpr(options["maxConcurrency"]),
      toleratedFailureCount: numberOrExpr(options["toleratedFailureCount"]),
      toleratedFailurePercentage: numberOrExpr(options["toleratedFailurePercentage"]),
      label: options["label"] as string | undefined,
      output,
      assign,
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
    }),
    id,
  );
  return withCatches(d, specs, site, resolve);
}
