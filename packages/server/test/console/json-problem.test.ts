import { describe, expect, it } from "vitest";
import { jsonProblem } from "../../console/json-problem.ts";

describe("jsonProblem", () => {
  it("is undefined for JSON", () => {
    expect(jsonProblem('{"a": [1, 2]}')).toBeUndefined();
    expect(jsonProblem("3")).toBeUndefined();
  });

  it("names the line and column of the first mistake", () => {
    expect(jsonProblem('{\n  "a": 1,\n  b: 2\n}')).toMatch(/^line 3, column 3: /);
    expect(jsonProblem('{"a": 1,, }')).toMatch(/^line 1, column 9: /);
  });

  it("says what is wrong when there is no position (empty text)", () => {
    expect(jsonProblem("")).toMatch(/Unexpected end of JSON input/);
  });
});
