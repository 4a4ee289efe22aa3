// A zod 4 schema of the Amazon States Language: the structural shape of a definition (fields,
// types, enums, ranges), with the fields of both query languages. The validator's semantic rules
// (graph, language per state, grammars) are not expressible here; this schema is for editors and
// tooling, and is emitted as JSON Schema (schema/asl.schema.json).
import type * as Zod from "zod";
import { zodModule } from "../lazy-dependencies.ts";

type DefinitionSchema = ReturnType<typeof buildSchema>;
let built: DefinitionSchema | undefined;

/** The schema of a whole state machine definition, built (and zod loaded) on first use. */
export function stateMachineDefinitionSchema(): DefinitionSchema {
  return (built ??= buildSchema(zodModule()));
}

function buildSchema(z: typeof Zod) {
  const MAX_SECONDS = 99_999_999;

  const jsonataExpression = z.string().regex(/^\{%[\s\S]*%\}$/).describe("A JSONata expression: {% ... %}");
  const json = z.json();
  const comment = z.string().optional();
  const queryLanguage = z.enum(["JSONPath", "JSONata"]);
  const stateName = z.string().min(1).max(80);
  const payload = z.record(z.string(), json);
  const nullablePath = z.string().nullable();
  const integerOrExpression = (min: number, max: number) => z.union([z.int().min(min).max(max), jsonataExpression]);

  const errorEquals = z.array(z.string().min(1)).min(1);

  /** A Retrier. */
  const retrierSchema = z.strictObject({
    ErrorEquals: errorEquals,
    IntervalSeconds: z.int().min(1).max(MAX_SECONDS).optional(),
    MaxAttempts: z.int().min(0).max(MAX_SECONDS).optional(),
    BackoffRate: z.number().min(1).optional(),
    MaxDelaySeconds: z.int().min(1).max(31_622_400).optional(),
    JitterStrategy: z.enum(["FULL", "NONE"]).optional(),
    Comment: comment,
  }).meta({ id: "Retrier" });

  /** A Catcher. */
  const catcherSchema = z.strictObject({
    ErrorEquals: errorEquals,
    Next: stateName,
    ResultPath: nullablePath.optional(),
    Output: json.optional(),
    Assign: payload.optional(),
    Comment: comment,
  }).meta({ id: "Catcher" });

  const comparisonOperators = [
    "StringEquals",
    "StringLessThan",
    "StringGreaterThan",
    "StringLessThanEquals",
    "StringGreaterThanEquals",
    "NumericEquals",
    "NumericLessThan",
    "NumericGreaterThan",
    "NumericLessThanEquals",
    "NumericGreaterThanEquals",
    "BooleanEquals",
    "TimestampEquals",
    "TimestampLessThan",
    "TimestampGreaterThan",
    "TimestampLessThanEquals",
    "TimestampGreaterThanEquals",
  ] as const;

  const operatorFields = Object.fromEntries([
    ...comparisonOperators.map((name) => [name, z.union([z.string(), z.number(), z.boolean()]).optional()] as const),
    ...comparisonOperators.map((name) => [`${name}Path`, z.string().optional()] as const),
    ["StringMatches", z.string().optional()] as const,
    ...["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"].map((name) => [name, z.boolean().optional()] as const),
  ]);

  /** A Choice rule of either query language (top-level or nested). */
  const choiceRuleSchema = z.strictObject({
    Variable: z.string().optional(),
    ...operatorFields,
    get And(): Zod.ZodOptional<Zod.ZodArray<typeof choiceRuleSchema>> {
      return z.array(choiceRuleSchema).min(1).optional();
    },
    get Or(): Zod.ZodOptional<Zod.ZodArray<typeof choiceRuleSchema>> {
      return z.array(choiceRuleSchema).min(1).optional();
    },
    get Not(): Zod.ZodOptional<typeof choiceRuleSchema> {
      return choiceRuleSchema.optional();
    },
    Condition: z.union([z.boolean(), jsonataExpression]).optional(),
    Next: stateName.optional(),
    Assign: payload.optional(),
    Output: json.optional(),
    Comment: comment,
  }).meta({ id: "ChoiceRule" });

  const common = {
    Comment: comment,
    QueryLanguage: queryLanguage.optional(),
  };
  const inputOutput = { InputPath: nullablePath.optional(), OutputPath: nullablePath.optional(), Output: json.optional() };
  const transition = { Next: stateName.optional(), End: z.boolean().optional() };
  const errorHandling = { Retry: z.array(retrierSchema).optional(), Catch: z.array(catcherSchema).optional() };
  const result = { ResultPath: nullablePath.optional(), ResultSelector: payload.optional() };
  const assign = { Assign: payload.optional() };

  const taskStateSchema = z.strictObject({
    Type: z.literal("Task"),
    ...common,
    ...inputOutput,
    ...transition,
    ...errorHandling,
    ...result,
    ...assign,
    Resource: z.string(),
    Parameters: payload.optional(),
    Arguments: json.optional(),
    TimeoutSeconds: integerOrExpression(1, MAX_SECONDS).optional(),
    TimeoutSecondsPath: z.string().optional(),
    HeartbeatSeconds: integerOrExpression(1, MAX_SECONDS).optional(),
    HeartbeatSecondsPath: z.string().optional(),
    Credentials: z.looseObject({ RoleArn: z.string().optional(), "RoleArn.$": z.string().optional() }).optional(),
  });

  const passStateSchema = z.strictObject({
    Type: z.literal("Pass"),
    ...common,
    ...inputOutput,
    ...transition,
    ...assign,
    ResultPath: nullablePath.optional(),
    Parameters: payload.optional(),
    Result: json.optional(),
  });

  const choiceStateSchema = z.strictObject({
    Type: z.literal("Choice"),
    ...common,
    ...inputOutput,
    ...assign,
    Choices: z.array(choiceRuleSchema).min(1),
    Default: stateName.optional(),
  });

  const waitStateSchema = z.strictObject({
    Type: z.literal("Wait"),
    ...common,
    ...inputOutput,
    ...transition,
    ...assign,
    Seconds: integerOrExpression(0, MAX_SECONDS).optional(),
    SecondsPath: z.string().optional(),
    Timestamp: z.string().optional(),
    TimestampPath: z.string().optional(),
  });

  const succeedStateSchema = z.strictObject({ Type: z.literal("Succeed"), ...common, ...inputOutput });

  const failStateSchema = z.strictObject({
    Type: z.literal("Fail"),
    ...common,
    Error: z.string().optional(),
    ErrorPath: z.string().optional(),
    Cause: z.string().optional(),
    CausePath: z.string().optional(),
  });

  /** A nested graph (Parallel branch, Map ItemProcessor/Iterator). */
  const stateGraphSchema = z.strictObject({
    Comment: comment,
    StartAt: stateName,
    get States(): Zod.ZodRecord<Zod.ZodString, typeof stateSchema> {
      return z.record(z.string(), stateSchema);
    },
    ProcessorConfig: z
      .strictObject({ Mode: z.enum(["INLINE", "DISTRIBUTED"]).optional(), ExecutionType: z.enum(["STANDARD", "EXPRESS"]).optional() })
      .optional(),
  }).meta({ id: "StateGraph" });

  const parallelStateSchema = z.strictObject({
    Type: z.literal("Parallel"),
    ...common,
    ...inputOutput,
    ...transition,
    ...errorHandling,
    ...result,
    ...assign,
    get Branches(): Zod.ZodArray<typeof stateGraphSchema> {
      return z.array(stateGraphSchema).min(1);
    },
    Parameters: payload.optional(),
    Arguments: json.optional(),
  });

  const readerConfig = z.strictObject({
    InputType: z.enum(["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"]).optional(),
    Transformation: z.enum(["NONE", "LOAD_AND_FLATTEN"]).optional(),
    ManifestType: z.enum(["ATHENA_DATA", "S3_INVENTORY"]).optional(),
    CSVDelimiter: z.enum(["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"]).optional(),
    CSVHeaderLocation: z.enum(["FIRST_ROW", "GIVEN"]).optional(),
    CSVHeaders: z.array(z.string()).optional(),
    ItemsPointer: z.string().optional(),
    MaxItems: integerOrExpression(0, 100_000_000).optional(),
    MaxItemsPath: z.string().optional(),
  });

  const mapStateSchema = z.strictObject({
    Type: z.literal("Map"),
    ...common,
    ...inputOutput,
    ...transition,
    ...errorHandling,
    ...result,
    ...assign,
    get ItemProcessor(): Zod.ZodOptional<typeof stateGraphSchema> {
      return stateGraphSchema.optional();
    },
    get Iterator(): Zod.ZodOptional<typeof stateGraphSchema> {
      return stateGraphSchema.optional();
    },
    ItemSelector: json.optional(),
    Parameters: payload.optional(),
    ItemsPath: z.string().optional(),
    Items: z.union([z.array(json), payload, jsonataExpression]).optional(),
    ItemReader: z.strictObject({ Resource: z.string(), ReaderConfig: readerConfig.optional(), Parameters: payload.optional(), Arguments: json.optional() }).optional(),
    ItemBatcher: z
      .strictObject({
        MaxItemsPerBatch: integerOrExpression(1, 100_000_000).optional(),
        MaxItemsPerBatchPath: z.string().optional(),
        MaxInputBytesPerBatch: integerOrExpression(1, 262_144).optional(),
        MaxInputBytesPerBatchPath: z.string().optional(),
        BatchInput: json.optional(),
      })
      .optional(),
    ResultWriter: z
      .strictObject({
        Resource: z.string().optional(),
        Parameters: payload.optional(),
        Arguments: json.optional(),
        WriterConfig: z.strictObject({ Transformation: z.enum(["NONE", "COMPACT", "FLATTEN"]).optional(), OutputType: z.enum(["JSON", "JSONL"]).optional() }).optional(),
      })
      .optional(),
    MaxConcurrency: integerOrExpression(0, MAX_SECONDS).optional(),
    MaxConcurrencyPath: z.string().optional(),
    ToleratedFailureCount: integerOrExpression(0, MAX_SECONDS).optional(),
    ToleratedFailureCountPath: z.string().optional(),
    ToleratedFailurePercentage: z.union([z.number().min(0).max(100), jsonataExpression]).optional(),
    ToleratedFailurePercentagePath: z.string().optional(),
    Label: z.string().max(40).optional(),
  });

  /** Any state, discriminated by `Type`. */
  const stateSchema = z.discriminatedUnion("Type", [
    taskStateSchema,
    passStateSchema,
    choiceStateSchema,
    waitStateSchema,
    succeedStateSchema,
    failStateSchema,
    parallelStateSchema,
    mapStateSchema,
  ]).meta({ id: "State" });

  // A whole state machine definition.
  return z
    .strictObject({
      Comment: comment,
      StartAt: stateName,
      States: z.record(z.string(), stateSchema),
      Version: z.string().optional(),
      TimeoutSeconds: z.int().min(1).max(MAX_SECONDS).optional(),
      QueryLanguage: queryLanguage.optional(),
    })
    .meta({ title: "Amazon States Language state machine definition" });
}
