/**
 * Visits every state of a definition, top level first, then into Parallel branches and Map
 * processors (and legacy `Iterator`s), so nothing nested escapes wiring or IAM.
 */

/** A JSON object as read from ASL: any keys, unknown values. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** One state and where it sits. */
export interface VisitedState {
  /** JSON pointer of the state (`/States/Fan/Branches/0/States/Charge`). */
  readonly pointer: string;
  readonly name: string;
  readonly state: JsonRecord;
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const pointerToken = (token: string): string => token.replaceAll("~", "~0").replaceAll("/", "~1");

/** Every state in `graph` (an object with `States`) and in the graphs nested inside it. */
export function* walkStates(graph: unknown, pointer = ""): Generator<VisitedState> {
  if (!isRecord(graph) || !isRecord(graph["States"])) return;
  for (const [name, state] of Object.entries(graph["States"])) {
    if (!isRecord(state)) continue;
    const statePointer = `${pointer}/States/${pointerToken(name)}`;
    yield { pointer: statePointer, name, state };
    const branches = state["Branches"];
    if (Array.isArray(branches)) {
      for (const [index, branch] of branches.entries()) yield* walkStates(branch, `${statePointer}/Branches/${index}`);
    }
    for (const field of ["ItemProcessor", "Iterator"] as const) {
      if (isRecord(state[field])) yield* walkStates(state[field], `${statePointer}/${field}`);
    }
  }
}

/** The request object of a Task (or ItemReader/ResultWriter): `Arguments` (JSONata) or `Parameters` (JSONPath). */
export function requestOf(holder: JsonRecord): unknown {
  return holder["Arguments"] ?? holder["Parameters"];
}
