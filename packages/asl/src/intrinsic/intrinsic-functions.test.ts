import { describe, expect, it } from "vitest";
import { splitFormatTemplate } from "./format-template.ts";
import { checkIntrinsicArity, INTRINSIC_FUNCTIONS, isIntrinsicFunctionName } from "./intrinsic-functions.ts";
import { parseIntrinsic } from "./intrinsic-parser.ts";

function arityErrors(text: string) {
  const result = parseIntrinsic(text);
  if (!result.ok) throw new Error(result.error.message);
  return checkIntrinsicArity(result.value);
}

describe("INTRINSIC_FUNCTIONS", () => {
  it("lists the 18 functions", () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS)).toHaveLength(18);
    expect(isIntrinsicFunctionName("States.Hash")).toBe(true);
    expect(isIntrinsicFunctionName("States.toString")).toBe(false);
    expect(isIntrinsicFunctionName("constructor")).toBe(false);
  });
});

describe("checkIntrinsicArity", () => {
  it("accepts valid calls", () => {
    expect(arityErrors("States.Format('{}', 1)")).toEqual([]);
    expect(arityErrors("States.Array()")).toEqual([]);
    expect(arityErrors("States.MathRandom(1, 2)")).toEqual([]);
    expect(arityErrors("States.MathRandom(1, 2, 3)")).toEqual([]);
    expect(arityErrors("States.UUID()")).toEqual([]);
  });

  it("reports wrong arities and unknown names, also in nested calls", () => {
    expect(arityErrors("States.UUID(1)")).toEqual([{ message: "States.UUID takes exactly 0 arguments but was given 1", offset: 0 }]);
    expect(arityErrors("States.Format()")).toEqual([{ message: "States.Format takes at least 1 argument but was given 0", offset: 0 }]);
    expect(arityErrors("States.MathRandom(1)")).toEqual([{ message: "States.MathRandom takes 2 to 3 arguments but was given 1", offset: 0 }]);
    expect(arityErrors("States.Array(States.Nope(), States.Hash(1))")).toEqual([
      { message: "Unknown intrinsic function 'States.Nope'", offset: 13 },
      { message: "States.Hash takes exactly 2 arguments but was given 1", offset: 28 },
    ]);
  });
});

describe("splitFormatTemplate", () => {
  it("splits around placeholders and resolves escapes", () => {
    expect(splitFormatTemplate("Hello {}, welcome to {}!")).toEqual(["Hello ", ", welcome to ", "!"]);
    expect(splitFormatTemplate("no placeholders")).toEqual(["no placeholders"]);
    expect(splitFormatTemplate("\\{\\} {}")).toEqual(["{} ", ""]);
    expect(splitFormatTemplate("\\\\{}")).toEqual(["\\", ""]);
    expect(splitFormatTemplate("{ } {")).toEqual(["{ } {"]);
  });
});
