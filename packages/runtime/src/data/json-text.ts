// Execution input given as JSON text, so that the numbers in it keep how they were written.

/** JSON text standing for the value it holds (see {@link jsonText}). */
export class JsonText {
  constructor(
    /** The JSON text, exactly as received (e.g. StartExecution's `input`). */
    readonly text: string,
  ) {}
}

/**
 * Wraps JSON text for `start()`/`run()`: the execution reads it as JSON and keeps the literal
 * text of numbers JavaScript would write differently (`0.0`, `1.50`, `1e3`) wherever they pass
 * through untouched, as AWS echoes them (docs/asl-coverage.md, "Number text").
 */
export function jsonText(text: string): JsonText {
  return new JsonText(text);
}
