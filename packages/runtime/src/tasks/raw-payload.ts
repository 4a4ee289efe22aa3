/** A handler result that stands for raw response bytes (not necessarily JSON) from a function. */
export class RawPayload {
  constructor(
    /** The exact text the function returned. */
    readonly text: string,
  ) {}
}

/** Wraps raw response text so the runtime treats it as the function's exact output bytes. */
export function rawPayload(text: string): RawPayload {
  return new RawPayload(text);
}
