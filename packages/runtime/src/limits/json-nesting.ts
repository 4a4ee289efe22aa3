import { StatesError } from "../errors.ts";

/**
 * Deepest nesting of JSON data the runtime takes in at its boundary (execution input and output,
 * a definition handed over as objects). AWS documents none; its JSON parser (Jackson) stops at
 * 1,000 levels, and every recursive walk of the runtime stays far inside the stack at that depth.
 */
export const MAX_JSON_NESTING = 1000;

/** What crossed the boundary, for the error: its AWS error name and how to call it in the message. */
export interface NestingSubject {
  /** The error name, e.g. `InvalidExecutionInput` (StartExecution's) or `InvalidDefinition`. */
  readonly error: string;
  /** E.g. "The execution input". */
  readonly what: string;
}

/** The error for data nested deeper than {@link MAX_JSON_NESTING} (or cyclic: it never ends). */
export function tooDeeplyNested(subject: NestingSubject): StatesError {
  return new StatesError(
    subject.error,
    `${subject.what} is nested more than ${MAX_JSON_NESTING} levels deep (or refers to itself). Flatten the data: JSON this deep cannot be passed between states.`,
  );
}
