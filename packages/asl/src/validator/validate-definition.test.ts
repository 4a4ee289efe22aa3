// Fixtures of invalid definitions: at least one per diagnostic code, each asserting the code and
// the JSON pointer; plus valid fixtures that must stay free of errors.
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, type Diagnostic } from "../diagnostic.ts";
import { parseDefinition } from "../parse-definition.ts";
import { validateDefinition, type ValidateDefinitionOptions } from "./validate-definition.ts";

type Json = Record<string, unknown>;

/** A one-block machine starting at the first state given. */
function machine(states: Json, extra: Json = {}): Json {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:charge";
/** Drops keys set to undefined, so `{ End: undefined }` in a fixture means "no End field". */
const compact = (object: Json): Json => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
const task = (extra: Json = {}): Json => compact({ Type: "Task", Resource: LAMBDA, End: true, ...extra });
const pass = (extra: Json = {}): Json => compact({ Type: "Pass", End: true, ...extra });

interface Fixture {
  readonly name: string;
  readonly definition: unknown;
  readonly options?: ValidateDefinitionOptions;
  readonly code: string;
  readonly path: string;
  /** A fragment the message must contain (AWS's wording where it has one). */
  readonly message?: string;
}

const FIXTURES: Fixture[] = [
  // Top level and names.
  { name: "missing StartAt and States", definition: {}, code: "SCHEMA_VALIDATION_FAILED", path: "", message: "These fields are required: [States, StartAt]" },
  { name: "unknown top-level field", definition: machine({ A: pass() }, { Foo: 1 }), code: "SCHEMA_VALIDATION_FAILED", path: "", message: "Field 'Foo' is not supported" },
  { name: "non-integer TimeoutSeconds", definition: machine({ A: pass() }, { TimeoutSeconds: 1.5 }), code: "SCHEMA_VALIDATION_FAILED", path: "/TimeoutSeconds" },
  { name: "bad top-level QueryLanguage", definition: machine({ A: pass() }, { QueryLanguage: "XPath" }), code: "SCHEMA_VALIDATION_FAILED", path: "/QueryLanguage" },
  { name: "state name over 80 characters", definition: machine({ ["n".repeat(81)]: pass() }), code: "INVALID_STATE_NAME", path: `/States/${"n".repeat(81)}` },
  {
    name: "state name reused inside a Map",
    definition: machine({ A: { Type: "Map", End: true, ItemProcessor: { StartAt: "A", States: { A: pass() } } } }),
    code: "DUPLICATE_STATE_NAME",
    path: "/States/A/ItemProcessor/States/A",
  },
  { name: "pointer escaping in names", definition: machine({ "a/b": pass({ Next: "nowhere", End: undefined }) }), code: "MISSING_TRANSITION_TARGET", path: "/States/a~1b/Next" },
  { name: "state that is not an object", definition: machine({ A: pass(), QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/QueryLanguage" },
  { name: "unknown Type", definition: machine({ A: { Type: "Lambda", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Type", message: "The field 'Type' should have one of these values" },
  { name: "missing Type", definition: machine({ A: { End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "These fields are required: [Type]" },
  { name: "field named like an Object.prototype member", definition: machine({ A: pass({ toString: 1, constructor: 2 }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Field 'toString' is not supported. Check the spelling" },
  { name: "unsupported field on a state", definition: machine({ A: { Type: "Map", End: true, TimeoutSeconds: 5, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Field 'TimeoutSeconds' is not supported" },
  { name: "Retry on a Pass state", definition: machine({ A: pass({ Retry: [] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Field 'Retry' is not supported" },
  { name: "End on a Choice state", definition: machine({ A: { Type: "Choice", End: true, Choices: [{ Variable: "$.x", IsPresent: true, Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Field 'End' is not supported" },
  { name: "Next on a Succeed state", definition: machine({ A: { Type: "Succeed", Next: "A" } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Field 'Next' is not supported" },

  // Graph.
  { name: "Next and End together", definition: machine({ A: pass({ Next: "B" }), B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "neither Next nor End", definition: machine({ A: { Type: "Pass" }, B: { Type: "Succeed" } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "missing StartAt target", definition: { StartAt: "Nope", States: { A: pass() } }, code: "MISSING_TRANSITION_TARGET", path: "/StartAt" },
  { name: "missing Default target", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "B" }], Default: "Gone" }, B: pass() }), code: "MISSING_TRANSITION_TARGET", path: "/States/A/Default", message: "Missing 'Next' target: Gone" },
  { name: "missing Catch target", definition: machine({ A: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "Gone" }] }) }), code: "MISSING_TRANSITION_TARGET", path: "/States/A/Catch/0/Next" },
  {
    name: "transition out of a Parallel branch",
    definition: machine({ P: { Type: "Parallel", Next: "Z", Branches: [{ StartAt: "B", States: { B: pass({ End: undefined, Next: "Z" }) } }] }, Z: pass() }),
    code: "MISSING_TRANSITION_TARGET",
    path: "/States/P/Branches/0/States/B/Next",
    message: "another States block",
  },
  { name: "unreachable state", definition: machine({ A: pass(), Orphan: pass() }), code: "MISSING_TRANSITION_TARGET", path: "/States/Orphan", message: 'State "Orphan" is not reachable.' },
  { name: "no terminal state", definition: machine({ A: pass({ End: undefined, Next: "B" }), B: pass({ End: undefined, Next: "A" }) }), code: "MISSING_END_STATE", path: "", message: "Workflow has no terminal state" },
  {
    name: "no terminal state in a branch",
    definition: machine({ P: { Type: "Parallel", End: true, Branches: [{ StartAt: "B", States: { B: { Type: "Wait", Seconds: 1, Next: "B" } } }] } }),
    code: "MISSING_END_STATE",
    path: "/States/P/Branches/0",
  },

  // Retry and Catch.
  { name: "empty ErrorEquals", definition: machine({ A: task({ Retry: [{ ErrorEquals: [] }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/ErrorEquals" },
  { name: "States.ALL not alone", definition: machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL", "X"] }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/ErrorEquals", message: "alone" },
  { name: "States.ALL not last", definition: machine({ A: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "A" }, { ErrorEquals: ["X"], Next: "A" }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Catch/0/ErrorEquals", message: "last" },
  { name: "BackoffRate below 1", definition: machine({ A: task({ Retry: [{ ErrorEquals: ["X"], BackoffRate: 0.5 }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/BackoffRate" },
  { name: "IntervalSeconds zero", definition: machine({ A: task({ Retry: [{ ErrorEquals: ["X"], IntervalSeconds: 0 }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/IntervalSeconds" },
  { name: "MaxDelaySeconds over the cap", definition: machine({ A: task({ Retry: [{ ErrorEquals: ["X"], MaxDelaySeconds: 31_622_401 }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/MaxDelaySeconds" },
  { name: "bad JitterStrategy", definition: machine({ A: task({ Retry: [{ ErrorEquals: ["X"], JitterStrategy: "SOME" }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry/0/JitterStrategy" },
  { name: "Catcher without Next", definition: machine({ A: task({ Catch: [{ ErrorEquals: ["X"] }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Catch/0" },
  { name: "Retry not an array", definition: machine({ A: task({ Retry: {} }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Retry" },

  // Choice.
  { name: "empty Choices", definition: machine({ A: { Type: "Choice", Choices: [], Default: "B" }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices", message: "Value cannot be empty" },
  { name: "two operators in a rule", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", StringEquals: "a", IsPresent: true, Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0" },
  { name: "Variable without operator", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0" },
  {
    name: "Next in a nested rule",
    definition: machine({ A: { Type: "Choice", Choices: [{ Not: { Variable: "$.x", IsNull: true, Next: "B" }, Next: "B" }] }, B: pass() }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/Choices/0/Not",
    message: "nested Choice rule",
  },
  { name: "empty And", definition: machine({ A: { Type: "Choice", Choices: [{ And: [], Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0/And" },
  { name: "NumericEquals with a string", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", NumericEquals: "1", Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0/NumericEquals" },
  { name: "TimestampEquals with a bad timestamp", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", TimestampEquals: "yesterday", Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0/TimestampEquals" },
  { name: "invalid Variable path", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "x", IsPresent: true, Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0/Variable" },
  { name: "Condition in a JSONPath rule", definition: machine({ A: { Type: "Choice", Choices: [{ Condition: true, Next: "B" }] }, B: pass() }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0" },
  { name: "string compared to a path-looking literal", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", StringEquals: "$.y", Next: "B" }], Default: "B" }, B: pass() }), code: "NO_PATH", path: "/States/A/Choices/0/StringEquals" },

  // Task.
  { name: "unsupported optimized action", definition: machine({ A: task({ Resource: "arn:aws:states:::dynamodb:query" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource", message: "is not recognized" },
  { name: "resource that is not an ARN", definition: machine({ A: task({ Resource: "charge-function" }) }), code: "INVALID_RESOURCE", path: "/States/A/Resource" },
  { name: "non-Task service ARN", definition: machine({ A: task({ Resource: "arn:aws:sns:us-east-1:123456789012:topic" }) }), code: "INVALID_RESOURCE", path: "/States/A/Resource" },
  { name: ".sync on an SDK integration", definition: machine({ A: task({ Resource: "arn:aws:states:::aws-sdk:s3:getObject.sync" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource" },
  { name: "callback on DynamoDB", definition: machine({ A: task({ Resource: "arn:aws:states:::dynamodb:putItem.waitForTaskToken" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource" },
  { name: "missing Resource", definition: machine({ A: { Type: "Task", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "These fields are required: [Resource]" },
  { name: "Credentials without RoleArn", definition: machine({ A: task({ Credentials: {} }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Credentials", message: "The field 'RoleArn' is required but was missing" },
  { name: "TimeoutSeconds and TimeoutSecondsPath", definition: machine({ A: task({ TimeoutSeconds: 5, TimeoutSecondsPath: "$.t" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "heartbeat not below timeout", definition: machine({ A: task({ TimeoutSeconds: 5, HeartbeatSeconds: 5 }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/HeartbeatSeconds" },
  { name: "zero TimeoutSeconds", definition: machine({ A: task({ TimeoutSeconds: 0 }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/TimeoutSeconds" },
  { name: "placeholder in TimeoutSeconds", definition: machine({ A: task({ TimeoutSeconds: "${Timeout}" }) }), code: "PLACEHOLDER_NOT_SUBSTITUTED", path: "/States/A/TimeoutSeconds", message: "valid after substitution" },
  { name: ".sync in Express", definition: machine({ A: task({ Resource: "arn:aws:states:::states:startExecution.sync:2" }) }), options: { stateMachineType: "EXPRESS" }, code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource", message: "Express state machine does not support '.sync' service integration" },
  { name: "callback in Express", definition: machine({ A: task({ Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken" }) }), options: { stateMachineType: "EXPRESS" }, code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource", message: "'.waitForTaskToken'" },
  { name: "activity in Express", definition: machine({ A: task({ Resource: "arn:aws:states:us-east-1:123456789012:activity:review" }) }), options: { stateMachineType: "EXPRESS" }, code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Resource", message: "Activity ARN" },

  // Paths and payload templates.
  { name: "invalid '.$' value", definition: machine({ A: pass({ Parameters: { "x.$": "States.Nope(1)" } }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Parameters", message: "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call" },
  { name: "nested invalid '.$' value", definition: machine({ A: pass({ Parameters: { deep: [{ "x.$": "not a path" }] } }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Parameters/deep/0" },
  { name: "duplicate key after '.$' stripping", definition: machine({ A: pass({ Parameters: { x: 1, "x.$": "$.x" } }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Parameters", message: "defined twice" },
  { name: "ResultPath into the context object", definition: machine({ A: pass({ ResultPath: "$$.Execution" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/ResultPath" },
  { name: "ResultPath with a filter", definition: machine({ A: pass({ ResultPath: "$.items[?(@.x)]" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/ResultPath" },
  { name: "InputPath that is not a path", definition: machine({ A: pass({ InputPath: "input" }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/InputPath" },
  { name: "path-looking value without '.$'", definition: machine({ A: pass({ Parameters: { id: "$.order.id" } }) }), code: "NO_DOLLAR", path: "/States/A/Parameters/id" },
  { name: "path in a Pass Result", definition: machine({ A: pass({ Result: { "id.$": "$.id" } }) }), code: "PASS_RESULT_IS_STATIC", path: "/States/A/Result" },
  // AWS's ASL schema still wants an object in ResultSelector (amazon-states-language-service $defs/resultSelector).
  { name: "ResultSelector not an object", definition: machine({ A: task({ ResultSelector: [{ "a.$": "$.a" }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/ResultSelector", message: "must be an object (a payload template), but it is an array" },
  { name: "invalid '.$' value in an array Parameters", definition: machine({ A: pass({ Parameters: [{ "x.$": "not a path" }] }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Parameters/0" },

  // Wait and Fail.
  { name: "Wait without duration", definition: machine({ A: { Type: "Wait", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "Wait with two durations", definition: machine({ A: { Type: "Wait", Seconds: 1, TimestampPath: "$.t", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "Wait lowercase timestamp", definition: machine({ A: { Type: "Wait", Timestamp: "2016-03-14t01:59:00z", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Timestamp", message: "String does not match RFC3339 timestamp" },
  { name: "Wait on 29 February of a common year", definition: machine({ A: { Type: "Wait", Timestamp: "2023-02-29T00:00:00Z", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Timestamp" },
  { name: "negative Seconds", definition: machine({ A: { Type: "Wait", Seconds: -1, End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Seconds" },
  { name: "Error and ErrorPath", definition: machine({ A: { Type: "Fail", Error: "E", ErrorPath: "$.e" } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "CausePath with a non-string intrinsic", definition: machine({ A: { Type: "Fail", CausePath: "States.ArrayLength($.a)" } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/CausePath" },

  // Parallel and Map.
  { name: "empty Branches", definition: machine({ A: { Type: "Parallel", Branches: [], End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Branches", message: "Value cannot be empty" },
  { name: "Map without processor", definition: machine({ A: { Type: "Map", End: true } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  {
    name: "ItemProcessor and Iterator",
    definition: machine({ A: { Type: "Map", End: true, ItemProcessor: { StartAt: "B", States: { B: pass() } }, Iterator: { StartAt: "C", States: { C: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A",
    message: "mutually exclusive",
  },
  {
    name: "ItemSelector and Parameters",
    definition: machine({ A: { Type: "Map", End: true, ItemSelector: {}, Parameters: {}, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A",
  },
  {
    name: "DISTRIBUTED without ExecutionType",
    definition: machine({ A: { Type: "Map", End: true, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED" }, StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemProcessor/ProcessorConfig",
  },
  {
    name: "Distributed Map in Express",
    definition: machine({ A: { Type: "Map", End: true, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" }, StartAt: "B", States: { B: pass() } } } }),
    options: { stateMachineType: "EXPRESS" },
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemProcessor/ProcessorConfig/Mode",
  },
  {
    name: "ItemBatcher without a limit",
    definition: machine({ A: { Type: "Map", End: true, ItemBatcher: { BatchInput: {} }, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemBatcher",
  },
  {
    name: "placeholder in MaxConcurrency",
    definition: machine({ A: { Type: "Map", End: true, MaxConcurrency: "${Concurrency}", ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "PLACEHOLDER_NOT_SUBSTITUTED",
    path: "/States/A/MaxConcurrency",
  },
  {
    name: "ToleratedFailurePercentage over 100",
    definition: machine({ A: { Type: "Map", End: true, ToleratedFailurePercentage: 101, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ToleratedFailurePercentage",
  },
  {
    name: "ItemReader with a bad resource",
    definition: machine({ A: { Type: "Map", End: true, ItemReader: { Resource: "arn:aws:states:::s3:deleteObject" }, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemReader/Resource",
  },
  {
    name: "GIVEN CSV headers without CSVHeaders",
    definition: machine({ A: { Type: "Map", End: true, ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN" } }, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemReader/ReaderConfig",
  },
  {
    name: "ReaderConfig with an unknown InputType",
    definition: machine({ A: { Type: "Map", End: true, ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "XML" } }, ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/A/ItemReader/ReaderConfig/InputType",
  },
  {
    name: "label with a space",
    definition: machine({ A: { Type: "Map", End: true, Label: "my label", ItemProcessor: { StartAt: "B", States: { B: pass() } } } }),
    code: "INVALID_LABEL_NAME",
    path: "/States/A/Label",
  },
  {
    name: "label used twice",
    definition: machine({
      A: { Type: "Map", Next: "C", Label: "L", ItemProcessor: { StartAt: "B", States: { B: pass() } } },
      C: { Type: "Map", End: true, Label: "L", ItemProcessor: { StartAt: "D", States: { D: pass() } } },
    }),
    code: "DUPLICATE_LABEL_NAME",
    path: "/States/C/Label",
  },
  { name: "Iterator that is not an object", definition: machine({ A: { Type: "Map", End: true, Iterator: [] } }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Iterator" },

  // Query languages and JSONata.
  { name: "JSONPath field in a JSONata state", definition: machine({ A: pass({ Parameters: {} }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "Use 'Arguments' instead" },
  { name: "JSONata field in a JSONPath state", definition: machine({ A: task({ Arguments: {} }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A" },
  { name: "QueryLanguage downgrade", definition: machine({ A: pass({ QueryLanguage: "JSONPath" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A", message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine" },
  { name: "JSONata that does not parse", definition: machine({ A: pass({ Output: { x: "{% $states.input. %}" } }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Output/x" },
  { name: "JSONata with outer whitespace", definition: machine({ A: pass({ Output: " {% 1 %}" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Output" },
  { name: "$states.result in a Pass", definition: machine({ A: pass({ Output: "{% $states.result %}" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Output", message: "$states.result" },
  { name: "$states.result in Arguments", definition: machine({ A: task({ Arguments: "{% $states.result %}" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Arguments" },
  { name: "$states.errorOutput outside a Catcher", definition: machine({ A: task({ Output: "{% $states.errorOutput %}" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Output", message: "$states.errorOutput" },
  { name: "implicit input at the top of an expression", definition: machine({ A: pass({ Output: "{% $.x %}" }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Output" },
  { name: "Condition that is a string literal", definition: machine({ A: { Type: "Choice", Choices: [{ Condition: "yes", Next: "B" }] }, B: pass() }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0/Condition" },
  { name: "Variable in a JSONata rule", definition: machine({ A: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "B" }] }, B: pass() }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Choices/0" },
  { name: "Items that is a plain string", definition: machine({ A: { Type: "Map", End: true, Items: "$.x", ItemProcessor: { StartAt: "B", States: { B: pass() } } } }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Items" },

  // Variables.
  { name: "assigning a sub-part", definition: machine({ A: pass({ Assign: { "x.y": 1 } }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Assign" },
  // The runtime keeps to UAX #31 (first character ID_Start); a name it refuses must not validate.
  { name: "a variable named __proto__", definition: machine({ A: pass({ Assign: JSON.parse('{"__proto__": 1}') as unknown }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Assign" },
  { name: "a variable name starting with _", definition: machine({ A: pass({ Assign: { _x: 1 } }) }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Assign" },
  { name: "assigning $states", definition: machine({ A: pass({ Assign: { states: 1 } }) }, { QueryLanguage: "JSONata" }), code: "SCHEMA_VALIDATION_FAILED", path: "/States/A/Assign" },
  {
    name: "inner scope reassigning an outer variable",
    definition: machine({ A: pass({ Next: "P", End: undefined, Assign: { total: 0 } }), P: { Type: "Parallel", End: true, Branches: [{ StartAt: "B", States: { B: pass({ Assign: { total: 1 } }) } }] } }),
    code: "SCHEMA_VALIDATION_FAILED",
    path: "/States/P/Branches/0/States/B/Assign",
  },

  // Nesting.
  { name: "absurd nesting", definition: machine({ A: pass({ Result: JSON.parse(`${"[".repeat(300)}${"]".repeat(300)}`) as unknown }) }), code: "TOO_DEEPLY_NESTED", path: `/States/A/Result${"/0".repeat(125)}` },
];

/** Fixtures for the codes only the text parser emits. */
const TEXT_FIXTURES: Array<{ name: string; text: string; code: string; line?: number; column?: number }> = [
  { name: "empty text", text: "  ", code: "MISSING_DESCRIPTION" },
  { name: "trailing comma", text: '{\n  "StartAt": "A",\n}', code: "INVALID_JSON_DESCRIPTION", line: 3, column: 1 },
  { name: "a duplicate key", text: '{"StartAt": "A", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', code: "DUPLICATE_JSON_KEY", line: 1, column: 18 },
  { name: "over 1 MiB", text: `{"Comment": "${"x".repeat(1024 * 1024)}"}`, code: "DEFINITION_TOO_LARGE" },
];

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, path: d.path }));

describe("invalid definition fixtures", () => {
  it.each(FIXTURES.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const diagnostics = validateDefinition(fixture.definition, fixture.options);
    expect(summary(diagnostics)).toContainEqual({ code: fixture.code, path: fixture.path });
    if (fixture.message !== undefined) {
      const matching = diagnostics.filter((d) => d.code === fixture.code && d.path === fixture.path);
      expect(matching.some((d) => d.message.includes(fixture.message ?? ""))).toBe(true);
    }
  });

  it.each(TEXT_FIXTURES.map((fixture) => [fixture.name, fixture] as const))("text: %s", (_name, fixture) => {
    const result = parseDefinition(fixture.text);
    // Warnings leave the definition valid; errors do not.
    expect(result.ok).toBe(DIAGNOSTIC_CODES[fixture.code as keyof typeof DIAGNOSTIC_CODES] === "warning");
    const [first] = result.ok ? result.warnings : result.diagnostics;
    expect(first).toMatchObject({ code: fixture.code, path: "" });
    if (fixture.line !== undefined) expect(first).toMatchObject({ line: fixture.line, column: fixture.column });
  });

  it("cover every diagnostic code", () => {
    const covered = new Set([...FIXTURES.map((fixture) => fixture.code), ...TEXT_FIXTURES.map((fixture) => fixture.code)]);
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !covered.has(code))).toEqual([]);
  });

  it("give every diagnostic the severity of its code", () => {
    for (const fixture of FIXTURES) {
      for (const d of validateDefinition(fixture.definition, fixture.options)) expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code as keyof typeof DIAGNOSTIC_CODES]);
    }
  });
});

const VALID: Array<{ name: string; definition: unknown; options?: ValidateDefinitionOptions }> = [
  // AWS takes any JSON value as Parameters and ItemSelector (aws-toolkit-vscode#2459: the schema
  // "has been updated to match the constraints applied in the service").
  { name: "an array as Parameters", definition: machine({ A: task({ Parameters: [{ "id.$": "$.id" }, 2] }) }) },
  { name: "scalars as Parameters", definition: machine({ A: pass({ Parameters: "x", Next: "B", End: undefined }), B: pass({ Parameters: 1, Next: "C", End: undefined }), C: pass({ Parameters: null }) }) },
  { name: "an array as ItemSelector", definition: machine({ M: { Type: "Map", ItemSelector: [{ "v.$": "$$.Map.Item.Value" }], ItemProcessor: { StartAt: "P", States: { P: pass() } }, End: true } }) },
  // The peer asl-validator crashes on a state named like the legacy Map field.
  { name: "a state named Iterator", definition: machine({ Iterator: pass({ Next: "Map", End: undefined }), Map: { Type: "Map", End: true, Iterator: { StartAt: "ItemProcessor", States: { ItemProcessor: pass() } } } }) },
  { name: "placeholders where strings go", definition: machine({ A: task({ Resource: "${ChargeFunctionArn}", Parameters: { "Table.$": "$.t", Name: "${TableName}" } }) }) },
  {
    name: "JSONata machine with result and errorOutput where allowed",
    definition: machine(
      {
        A: task({ Arguments: { Payload: "{% $states.input %}" }, Output: "{% $states.result.Payload %}", Assign: { r: "{% $states.result %}" }, Catch: [{ ErrorEquals: ["States.ALL"], Next: "F", Output: "{% $states.errorOutput %}" }] }),
        F: { Type: "Fail", Error: "{% 'Failed' %}" },
      },
      { QueryLanguage: "JSONata" },
    ),
  },
  { name: "per-state JSONata in a JSONPath machine", definition: machine({ A: pass({ QueryLanguage: "JSONata", Output: { n: "{% 1 + 1 %}" } }) }) },
  { name: "every Choice operator family", definition: machine({ A: { Type: "Choice", Choices: [{ And: [{ Variable: "$.a", NumericGreaterThanEquals: 1 }, { Not: { Variable: "$$.Execution.Name", StringMatches: "x*" } }, { Variable: "$v", TimestampLessThanPath: "$.t" }], Next: "B" }], Default: "B" }, B: pass() }) },
  { name: "Wait on a leap day with an offset", definition: machine({ A: { Type: "Wait", Timestamp: "2024-02-29T23:59:59.123+05:30", End: true } }) },
  { name: "regional SDK integration and activity", definition: machine({ A: task({ Resource: "arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject", Next: "B", End: undefined }), B: task({ Resource: "arn:aws:states:us-east-1:123456789012:activity:review" }) }) },
  { name: ".sync in Standard", definition: machine({ A: task({ Resource: "arn:aws:states:::states:startExecution.sync:2" }) }) },
  {
    name: "placeholders in string fields with a format (paths, timestamps, labels)",
    definition: machine({
      A: pass({ Next: "W", End: undefined, InputPath: "${InputPath}", Parameters: { "x.$": "${PathToX}" } }),
      W: { Type: "Wait", Timestamp: "${RunAt}", Next: "C" },
      C: { Type: "Choice", Choices: [{ Variable: "${Field}", TimestampEquals: "${When}", Next: "M" }], Default: "M" },
      M: { Type: "Map", End: true, Label: "${MapLabel}", ItemProcessor: { StartAt: "B", States: { B: pass() } } },
    }),
  },
];

describe("valid definition fixtures", () => {
  it.each(VALID.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    expect(validateDefinition(fixture.definition, fixture.options).filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("validateDefinition input", () => {
  it.each([[null], [undefined], [42], ["{}"], [[]]])("rejects %j as a non-object", (value) => {
    expect(summary(validateDefinition(value))).toEqual([{ code: "SCHEMA_VALIDATION_FAILED", path: "" }]);
  });
});
