import type { Frame } from "./frame.ts";
import type { CompiledBlock, CompiledState } from "./types.ts";

/**
 * Runs a block from its start state to its end. States that finish synchronously are chained in
 * a plain loop; only a state that returns a promise makes the rest of the block asynchronous.
 */
export function runBlock(block: CompiledBlock, input: unknown, frame: Frame): unknown {
  return runFrom(block.start, input, frame);
}

function runFrom(first: CompiledState, input: unknown, frame: Frame): unknown {
  let state: CompiledState = first;
  let value = input;
  for (;;) {
    frame.next = null;
    const out = state.run(value, frame);
    if (out instanceof Promise) return out.then((v: unknown) => resume(v, frame));
    const next = frame.next;
    if (next === null) return out;
    value = out;
    state = next;
  }
}

function resume(value: unknown, frame: Frame): unknown {
  const next = frame.next;
  return next === null ? value : runFrom(next, value, frame);
}

/** Applies `f` to a value that may be a promise, staying synchronous when it is not. */
export function andThen<T, R>(value: T | Promise<T>, f: (v: T) => R): R | Promise<Awaited<R>> {
  if (value instanceof Promise) return value.then(f) as Promise<Awaited<R>>;
  return f(value);
}
