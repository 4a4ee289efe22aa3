/**
 * One renderer per state kind. The `Record<StateKind, …>` makes adding a kind a compile error
 * until it is rendered here, as kysely's visitor does for its node kinds.
 */
import type { JsonObject, JsonValue } from "../ir/expr-node.ts";
import type { PassNode, StateKind, StateNodeOf } from "../ir/state-node.ts";
import { objectFromFields, type Fields } from "./ordered-fields.ts";
import {
  assignFields,
  errorHandlingFields,
  headFields,
  nestedPointer,
  outputFields,
  transitionFields,
  type RenderEnv,
} from "./render-pieces.ts";

type StateRenderers = { readonly [K in StateKind]: (node: StateNodeOf<K>, env: RenderEnv) => JsonObject };

function withRaw(fields: JsonObject, raw: JsonObject | undefined): JsonObject {
  return raw === undefined ? fields : { ...fields, ...raw };
}

function mapFields(node: StateNodeOf<"map">, env: RenderEnv): Fields {
  const { dialect, ctx } = env;
  const processorConfig: JsonValue | undefined =
    node.mode === "distributed" ? objectFromFields([["Mode", "DISTRIBUTED"], ["ExecutionType", node.executionType ?? "STANDARD"]]) : undefined;
  const processor = { ...(processorConfig === undefined ? {} : { ProcessorConfig: processorConfig }), ...env.renderBlock(node.processor, nestedPointer(env, "ItemProcessor")) };
  const reader = node.itemReader;
  const readerConfig = reader?.readerConfig;
  const itemReader: JsonValue | undefined =
    reader === undefined
      ? undefined
      : objectFromFields(
          [["Resource", reader.resource]],
          readerConfig === undefined
            ? []
            : [
                [
                  "ReaderConfig",
                  objectFromFields(
                    [
                      ["InputType", readerConfig.inputType],
                      ["Transformation", readerConfig.transformation],
                      ["ManifestType", readerConfig.manifestType],
                      ["CSVDelimiter", readerConfig.csvDelimiter],
                      ["CSVHeaderLocation", readerConfig.csvHeaderLocation],
                      ["CSVHeaders", readerConfig.csvHeaders === undefined ? undefined : [...readerConfig.csvHeaders]],
                      ["ItemsPointer", readerConfig.itemsPointer],
                    ],
                    readerConfig.maxItems === undefined ? [] : dialect.numberField("MaxItems", readerConfig.maxItems, ctx),
                  ),
                ],
              ],
          reader.arguments === undefined ? [] : dialect.template("Parameters", "Arguments", reader.arguments, "input", ctx),
        );
  const batcher = node.itemBatcher;
  const itemBatcher: JsonValue | undefined =
    batcher === undefined
      ? undefined
      : objectFromFields(
          batcher.maxItemsPerBatch === undefined ? [] : dialect.numberField("MaxItemsPerBatch", batcher.maxItemsPerBatch, ctx),
          batcher.maxInputBytesPerBatch === undefined ? [] : dialect.numberField("MaxInputBytesPerBatch", batcher.maxInputBytesPerBatch, ctx),
          batcher.batchInput === undefined ? [] : dialect.template("BatchInput", "BatchInput", batcher.batchInput, "input", ctx),
        );
  const writer = node.resultWriter;
  const resultWriter: JsonValue | undefined =
    writer === undefined
      ? undefined
      : objectFromFields(
          [["Resource", writer.resource]],
          writer.writerConfig === undefined
            ? []
            : [["WriterConfig", objectFromFields([["Transformation", writer.writerConfig.transformation], ["OutputType", writer.writerConfig.outputType]])]],
          writer.arguments === undefined ? [] : dialect.template("Parameters", "Arguments", writer.arguments, "input", ctx),
        );
  return [
    ...(node.items === undefined ? [] : dialect.items(node.items, ctx)),
    ["ItemReader", itemReader],
    ...(node.itemSelector === undefined ? [] : dialect.template("ItemSelector", "ItemSelector", node.itemSelector, "input", ctx)),
    ["ItemBatcher", itemBatcher],
    ["ItemProcessor", processor],
    ["ResultWriter", resultWriter],
    ...(node.maxConcurrency === undefined ? [] : dialect.numberField("MaxConcurrency", node.maxConcurrency, ctx)),
    ...(node.toleratedFailureCount === undefined ? [] : dialect.numberField("ToleratedFailureCount", node.toleratedFailureCount, ctx)),
    ...(node.toleratedFailurePercentage === undefined ? [] : dialect.numberField("ToleratedFailurePercentage", node.toleratedFailurePercentage, ctx)),
    ["Label", node.label],
  ];
}

/**
 * What a JSONPath Pass state's `Assign` reads as `$`: AWS evaluates it on the Pass result, which is
 * the `Result` or the `Parameters` output when there is one, so input paths cannot be read then
 * (the dialect reports them). A path-only output compiles to `OutputPath`, applied after Assign.
 * JSONata reads `$states.input` whatever this says.
 */
function passAssignRoot(node: PassNode): "input" | "result" {
  if (node.result !== undefined) return "result";
  const output = node.output;
  if (output === undefined || output.kind === "jsonPath" || (output.kind === "path" && output.root === "input")) return "input";
  return "result";
}

/** Renders each state kind to its ASL object. */
export const stateRenderers: StateRenderers = {
  pass: (node, env) =>
    withRaw(
      objectFromFields(
        headFields("Pass", node, env),
        ...(node.resultField === undefined
          ? [node.result === undefined ? [] : env.dialect.passResult(node.result, env.ctx), outputFields(node, "pass", env)]
          : [env.dialect.passResultField(node.result, node.output, node.resultField, env.ctx)]),
        assignFields(node.assign, passAssignRoot(node), env),
        transitionFields(node.transition),
      ),
      node.raw,
    ),
  task: (declared, env) => {
    const node = env.dialect.taskCall(declared);
    return withRaw(
      objectFromFields(
        headFields("Task", node, env),
        [["Resource", node.resource]],
        node.arguments === undefined ? [] : env.dialect.arguments(node.arguments, env.ctx),
        node.timeoutSeconds === undefined ? [] : env.dialect.numberField("TimeoutSeconds", node.timeoutSeconds, env.ctx),
        node.heartbeatSeconds === undefined ? [] : env.dialect.numberField("HeartbeatSeconds", node.heartbeatSeconds, env.ctx),
        node.credentials === undefined ? [] : env.dialect.template("Credentials", "Credentials", node.credentials, "input", env.ctx),
        outputFields(node, "result", env),
        assignFields(node.assign, "result", env),
        errorHandlingFields(node.retry, node.catch, env),
        transitionFields(node.transition),
      ),
      node.raw,
    );
  },
  choice: (node, env) => {
    const rules = node.rules.map((rule, i): JsonValue => {
      const ctx = { ...env.ctx, pointer: `${env.ctx.pointer}/Choices/${i}` };
      return objectFromFields(
        env.dialect.choiceCondition(rule.condition, ctx),
        [["Comment", rule.comment]],
        rule.output === undefined ? [] : env.dialect.ruleOutput(rule.output, ctx),
        assignFields(rule.assign, "input", env, ctx),
        [["Next", rule.next]],
      );
    });
    return withRaw(
      objectFromFields(
        headFields("Choice", node, env),
        [["Choices", rules]],
        [["Default", node.default]],
        outputFields(node, "input", env),
        assignFields(node.assign, "input", env),
      ),
      node.raw,
    );
  },
  wait: (node, env) =>
    withRaw(
      objectFromFields(
        headFields("Wait", node, env),
        node.duration.kind === "seconds"
          ? env.dialect.numberField("Seconds", node.duration.value, env.ctx)
          : env.dialect.stringField("Timestamp", node.duration.value, env.ctx),
        outputFields(node, "input", env),
        assignFields(node.assign, "input", env),
        transitionFields(node.transition),
      ),
      node.raw,
    ),
  succeed: (node, env) => withRaw(objectFromFields(headFields("Succeed", node, env), outputFields(node, "input", env)), node.raw),
  fail: (node, env) =>
    withRaw(
      objectFromFields(
        headFields("Fail", node, env),
        node.error === undefined ? [] : env.dialect.stringField("Error", node.error, env.ctx),
        node.cause === undefined ? [] : env.dialect.stringField("Cause", node.cause, env.ctx),
      ),
      node.raw,
    ),
  parallel: (node, env) =>
    withRaw(
      objectFromFields(
        headFields("Parallel", node, env),
        node.arguments === undefined ? [] : env.dialect.arguments(node.arguments, env.ctx),
        [["Branches", node.branches.map((b, i) => env.renderBlock(b, nestedPointer(env, "Branches", i)))]],
        outputFields(node, "result", env),
        assignFields(node.assign, "result", env),
        errorHandlingFields(node.retry, node.catch, env),
        transitionFields(node.transition),
      ),
      node.raw,
    ),
  map: (node, env) =>
    withRaw(
      objectFromFields(
        headFields("Map", node, env),
        mapFields(node, env),
        outputFields(node, "result", env),
        assignFields(node.assign, "result", env),
        errorHandlingFields(node.retry, node.catch, env),
        transitionFields(node.transition),
      ),
      node.raw,
    ),
};
