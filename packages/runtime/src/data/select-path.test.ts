import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { compileJsonPath } from "./compile-json-path.ts";
import { canonicalPathText, noResultsForPath, selectPath } from "./select-path.ts";
import { testScope } from "./test-scope.ts";

const scope = testScope({ Execution: { Id: "e" } }, { v: { w: 1 } });

describe("selectPath", () => {
  it("selects with a path, or {} for null", () => {
    expect(selectPath({ a: { b: 1 } }, compileJsonPath("$.a"), "InputPath", scope)).toEqual({ b: 1 });
    expect(selectPath({ a: 1 }, null, "InputPath", scope)).toEqual({});
    expect(selectPath({}, compileJsonPath("$$.Execution.Id"), "InputPath", scope)).toBe("e");
    expect(selectPath({}, compileJsonPath("$v.w"), "OutputPath", scope)).toBe(1);
    expect(selectPath({}, compileJsonPath("$.items[*]"), "OutputPath", scope)).toEqual([]);
  });

  it("fails like AWS when nothing matches (recorded ST.INVALID_JSONPATH_IN_INPUTPATH/OUTPUTPATH)", () => {
    let caught: unknown;
    try {
      selectPath({ "int-literal": 0 }, compileJsonPath("$.NoSuchInputPath"), "InputPath", scope);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StatesError);
    expect((caught as StatesError).error).toBe("States.Runtime");
    expect((caught as StatesError).cause).toBe("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
    expect(() => selectPath({ a: [] }, compileJsonPath("$.a[0].b"), "OutputPath", scope)).toThrow(
      "Invalid path '$.a[0].b' : No results for path: $['a'][0]['b']",
    );
  });
});

describe("noResultsForPath", () => {
  it("names the first missing property before the last step, as Jayway does (recorded test_catch_states_runtime)", () => {
    expect(() => selectPath({}, compileJsonPath("$.no.such.result.path"), "OutputPath", scope)).toThrow(
      "Invalid path '$.no.such.result.path' : Missing property in path $['no']",
    );
    expect(() => selectPath({ a: { b: {} } }, compileJsonPath("$.a.b.c.d"), "InputPath", scope)).toThrow(
      "Invalid path '$.a.b.c.d' : Missing property in path $['a']['b']['c']",
    );
    expect(() => selectPath({ a: [{}] }, compileJsonPath("$.a[0].x.y"), "InputPath", scope)).toThrow(
      "Invalid path '$.a[0].x.y' : Missing property in path $['a'][0]['x']",
    );
  });

  it("keeps 'No results for path' for a missing last step, an index out of range, or a path not on the input", () => {
    expect(noResultsForPath("$.a.b", { a: {} }).cause).toBe("Invalid path '$.a.b' : No results for path: $['a']['b']");
    expect(noResultsForPath("$.a[3].b", { a: [] }).cause).toBe("Invalid path '$.a[3].b' : No results for path: $['a'][3]['b']");
    expect(noResultsForPath("$.a.b", { a: "text" }).cause).toBe("Invalid path '$.a.b' : No results for path: $['a']['b']");
    expect(noResultsForPath("$$.Execution.Nope.X", {}).cause).toBe("Invalid path '$$.Execution.Nope.X' : No results for path: $$['Execution']['Nope']['X']");
    expect(noResultsForPath("$.a.b").cause).toBe("Invalid path '$.a.b' : No results for path: $['a']['b']");
  });
});

describe("canonicalPathText", () => {
  it("renders Jayway's bracket notation", () => {
    expect(canonicalPathText("$.NoSuchOutputPath")).toBe("$['NoSuchOutputPath']");
    expect(canonicalPathText("$$.Execution.Input.x")).toBe("$$['Execution']['Input']['x']");
  });
});
