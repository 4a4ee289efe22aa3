import { StatesError } from "../errors.ts";
import { compileReferencePath, noResultsForPath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { Frame } from "../engine/frame.ts";

type Def = Readonly<Record<string, unknown>>;

/** A number read from a literal field or its `…Path` variant, per Map execution. */
export type NumberField = (effective: unknown, frame: Frame) => number | undefined;

function render(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Compiles `<field>` / `<field>Path`; a path must yield an integer (or, with `float`, any number). */
export function compileNumberField(def: Def, field: string, kind: "integer" | "float"): NumberField {
  const literal = def[field];
  if (typeof literal === "number") return () => literal;
  const pathText = def[`${field}Path`];
  if (typeof pathText !== "string") return () => undefined;
  const path = compileReferencePath(pathText);
  return (effective, frame) => {
    const value = path.evaluate(effective, frame);
    if (value === NOT_FOUND) {
      throw noResultsForPath(pathText, effective);
    }
    const number = asNumber(value, kind);
    if (number === undefined) {
      throw new StatesError(
        "States.Runtime",
        `The ${field}Path field refers to value "${render(value)}" which is not a valid ${kind}: ${pathText}`,
      );
    }
    return number;
  };
}

/** AWS parses the referenced value like Java's Long/Double parsers: numeric strings count (`"1"`). */
function asNumber(value: unknown, kind: "integer" | "float"): number | undefined {
  if (typeof value === "number") return kind === "float" || Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const pattern = kind === "integer" ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  return pattern.test(value.trim()) ? Number(value) : undefined;
}

/** Checks the tolerated-failure settings as AWS does at run time. */
export function checkToleratedFailure(count: number | undefined, percentage: number | undefined): void {
  if (count !== undefined && count < 0) throw new StatesError("States.Runtime", "ToleratedFailureCount cannot be negative.");
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    throw new StatesError("States.Runtime", "ToleratedFailurePercentage must be between 0 and 100.");
  }
}
