import { StatesError } from "../errors.ts";

/** The error name AWS raises for every JSONata failure (catchable and retriable). */
export const QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

/**
 * A `States.QueryEvaluationError` that also remembers which field failed, because the history's
 * `EvaluationFailed` event reports it as `location`. It is a {@link StatesError}, so Retry/Catch
 * routing needs nothing special.
 */
export class QueryEvaluationError extends StatesError {
  constructor(
    cause: string,
    /** Field path of the failing value, e.g. `Output/result` or `Choices[0]/Condition`. */
    readonly location: string,
  ) {
    super(QUERY_EVALUATION_ERROR, cause);
  }
}

/** The sentence AWS opens every expression failure with. */
function opening(expression: string, field: string): string {
  return `The JSONata expression '${expression}' specified for the field '${field}'`;
}

/** Cause for an expression whose value is `undefined` (JSON cannot hold it). */
export function returnedNothing(expression: string, field: string): QueryEvaluationError {
  return new QueryEvaluationError(`${opening(expression, field)} returned nothing (undefined).`, field);
}

/** Cause for an expression whose value is not JSON (a function, a regex). */
export function unsupportedResult(expression: string, field: string): QueryEvaluationError {
  return new QueryEvaluationError(`${opening(expression, field)} returned an unsupported result type.`, field);
}

/** Cause for a JSON value of the wrong type for the field (e.g. Items must be an array). */
export function unexpectedResultType(expression: string, field: string, expected: string, value: unknown): QueryEvaluationError {
  const cause = `${opening(expression, field)} returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`;
  return new QueryEvaluationError(cause, field);
}

/**
 * Cause for an error thrown by JSONata. AWS writes `. <CODE>: <message>` after a coded JSONata
 * error and `: <message>` after an uncoded one (its evaluation limits), so both shapes are kept.
 */
export function threwDuringEvaluation(expression: string, field: string, error: unknown): QueryEvaluationError {
  const { code, message } = describeThrown(error);
  const tail = code === undefined ? `: ${message}` : `. ${code}: ${message}`;
  return new QueryEvaluationError(`${opening(expression, field)} threw an error during evaluation${tail}`, field);
}

/** JSON type name as AWS prints it in `Expected 'array', but was '<type>'`. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Splits whatever JSONata threw into its code (when it has one) and message. */
function describeThrown(error: unknown): { code: string | undefined; message: string } {
  if (typeof error === "object" && error !== null) {
    const record = error as { code?: unknown; message?: unknown };
    const code = typeof record.code === "string" && record.code !== "" ? record.code : undefined;
    const message = typeof record.message === "string" ? record.message : String(error);
    return { code, message };
  }
  return { code: undefined, message: String(error) };
}
