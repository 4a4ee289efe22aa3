// Which fields each state type accepts, in which query language, and how each is checked.
// The table is the single source of truth for "Field 'X' is not supported".
import type { QueryLanguage, StateType } from "../types.ts";
import {
  acceptAny,
  argumentsField,
  assignField,
  endField,
  inputOutputPathField,
  outputField,
  passResultField,
  anyValueTemplateField,
  payloadTemplateField,
  referencePathField,
  resultPathField,
  stateNameField,
  stringField,
  type FieldCheck,
} from "./rules/common-fields.ts";
import { errorCauseField, errorCausePathField } from "./rules/fail.ts";
import { itemBatcherField, itemReaderField, itemsField, labelField, resultWriterField } from "./rules/map.ts";
import { NON_NEGATIVE_SECONDS, numberField, POSITIVE_SECONDS } from "./rules/numbers.ts";
import { checkCatch, checkRetry } from "./rules/retry-catch.ts";
import { credentialsField, resourceField } from "./rules/task.ts";
import { timestampField } from "./rules/wait.ts";

/** A field a state type accepts: in which language, and its check. */
export interface FieldRule {
  readonly languages: "both" | QueryLanguage;
  readonly check: FieldCheck;
}

const both = (check: FieldCheck): FieldRule => ({ languages: "both", check });
const jsonPath = (check: FieldCheck): FieldRule => ({ languages: "JSONPath", check });
const jsonata = (check: FieldCheck): FieldRule => ({ languages: "JSONata", check });

const COMMON = { Type: both(acceptAny), Comment: both(stringField), QueryLanguage: both(acceptAny) };
const INPUT_OUTPUT = { InputPath: jsonPath(inputOutputPathField), OutputPath: jsonPath(inputOutputPathField), Output: jsonata(outputField) };
const TRANSITION = { Next: both(stateNameField), End: both(endField) };
const ERROR_HANDLING = { Retry: both(checkRetry), Catch: both(checkCatch) };
const RESULT = { ResultPath: jsonPath(resultPathField), ResultSelector: jsonPath(payloadTemplateField) };
const ASSIGN = { Assign: both(assignField) };
// Handled by the state's own cross-field rule (which also validates nested graphs).
const CHECKED_BY_STATE_RULE = acceptAny;

/** The accepted fields of every state type. */
export const STATE_FIELDS: Record<StateType, Readonly<Record<string, FieldRule>>> = {
  Task: {
    ...COMMON,
    ...INPUT_OUTPUT,
    ...TRANSITION,
    ...ERROR_HANDLING,
    ...RESULT,
    ...ASSIGN,
    Resource: both(resourceField),
    Parameters: jsonPath(anyValueTemplateField),
    Arguments: jsonata(argumentsField),
    TimeoutSeconds: both(numberField(POSITIVE_SECONDS)),
    TimeoutSecondsPath: jsonPath(referencePathField),
    HeartbeatSeconds: both(numberField(POSITIVE_SECONDS)),
    HeartbeatSecondsPath: jsonPath(referencePathField),
    Credentials: both(credentialsField),
  },
  Pass: {
    ...COMMON,
    ...INPUT_OUTPUT,
    ...TRANSITION,
    ...ASSIGN,
    ResultPath: jsonPath(resultPathField),
    Parameters: jsonPath(anyValueTemplateField),
    // AWS's JSONata support for Result is unverified; accepted in both, like asl-validator.
    Result: both(passResultField),
  },
  Choice: { ...COMMON, ...INPUT_OUTPUT, ...ASSIGN, Choices: both(CHECKED_BY_STATE_RULE), Default: both(stateNameField) },
  Wait: {
    ...COMMON,
    ...INPUT_OUTPUT,
    ...TRANSITION,
    ...ASSIGN,
    Seconds: both(numberField(NON_NEGATIVE_SECONDS)),
    SecondsPath: jsonPath(referencePathField),
    Timestamp: both(timestampField),
    TimestampPath: jsonPath(referencePathField),
  },
  Succeed: { ...COMMON, ...INPUT_OUTPUT },
  Fail: { ...COMMON, Error: both(errorCauseField), Cause: both(errorCauseField), ErrorPath: jsonPath(errorCausePathField), CausePath: jsonPath(errorCausePathField) },
  Parallel: {
    ...COMMON,
    ...INPUT_OUTPUT,
    ...TRANSITION,
    ...ERROR_HANDLING,
    ...RESULT,
    ...ASSIGN,
    Branches: both(CHECKED_BY_STATE_RULE),
    Parameters: jsonPath(anyValueTemplateField),
    Arguments: jsonata(argumentsField),
  },
  Map: {
    ...COMMON,
    ...INPUT_OUTPUT,
    ...TRANSITION,
    ...ERROR_HANDLING,
    ...RESULT,
    ...ASSIGN,
    ItemProcessor: both(CHECKED_BY_STATE_RULE),
    Iterator: both(CHECKED_BY_STATE_RULE),
    ItemSelector: both(anyValueTemplateField),
    Parameters: jsonPath(anyValueTemplateField),
    ItemsPath: jsonPath(referencePathField),
    Items: jsonata(itemsField),
    ItemReader: both(itemReaderField),
    ItemBatcher: both(itemBatcherField),
    ResultWriter: both(resultWriterField),
    MaxConcurrency: both(numberField(NON_NEGATIVE_SECONDS)),
    MaxConcurrencyPath: jsonPath(referencePathField),
    ToleratedFailureCount: both(numberField(NON_NEGATIVE_SECONDS)),
    ToleratedFailureCountPath: jsonPath(referencePathField),
    ToleratedFailurePercentage: both(numberField({ integer: false, min: 0, max: 100 })),
    ToleratedFailurePercentagePath: jsonPath(referencePathField),
    Label: both(labelField),
  },
};

/** The field a JSONata state uses instead of a JSONPath one (and back), for fix hints. */
export const LANGUAGE_COUNTERPARTS: Readonly<Record<string, string>> = {
  Parameters: "Arguments",
  Arguments: "Parameters",
  OutputPath: "Output",
  InputPath: "Arguments",
  ResultSelector: "Output",
  ResultPath: "Output",
  Output: "OutputPath/ResultSelector",
  ItemsPath: "Items",
  Items: "ItemsPath",
};
