import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { NOT_FOUND } from "./compiled-path.ts";
import { compileJsonPath } from "./compile-json-path.ts";
import { testScope } from "./test-scope.ts";

const scope = testScope({ Execution: { Id: "exec-1" }, Map: { Item: { Value: 7 } } }, { count: 3, user: { name: "ann" }, nothing: null });
const evaluate = (path: string, input: unknown) => compileJsonPath(path).evaluate(input, scope);

describe("compileJsonPath: definite paths", () => {
  const input = { a: { b: [10, 20, 30] }, "x y": 1, n: null, list: [{ k: 1 }] };

  it("reads members, quoted members and indexes", () => {
    expect(evaluate("$", input)).toBe(input);
    expect(evaluate("$.a.b", input)).toBe(input.a.b);
    expect(evaluate("$.a.b[1]", input)).toBe(20);
    expect(evaluate("$.a.b[-1]", input)).toBe(30);
    expect(evaluate("$['x y']", input)).toBe(1);
    expect(evaluate("$.n", input)).toBeNull();
    expect(evaluate("$.list[0].k", input)).toBe(1);
    expect(compileJsonPath("$.a.b").definite).toBe(true);
  });

  it("returns NOT_FOUND when nothing matches", () => {
    expect(evaluate("$.missing", input)).toBe(NOT_FOUND);
    expect(evaluate("$.a.b[3]", input)).toBe(NOT_FOUND);
    expect(evaluate("$.a.b[-4]", input)).toBe(NOT_FOUND);
    expect(evaluate("$.n.x", input)).toBe(NOT_FOUND);
    expect(evaluate("$.a[0]", input)).toBe(NOT_FOUND);
    expect(evaluate("$.a.b.length", input)).toBe(NOT_FOUND);
    expect(evaluate("$.x", "text")).toBe(NOT_FOUND);
  });

  it("never reads prototype properties", () => {
    expect(evaluate("$.constructor", {})).toBe(NOT_FOUND);
    expect(evaluate("$.__proto__", {})).toBe(NOT_FOUND);
    expect(evaluate("$.toString", { a: 1 })).toBe(NOT_FOUND);
    expect(evaluate("$.__proto__.x", JSON.parse('{"__proto__": {"x": 5}}'))).toBe(5);
  });

  it("reads the context object and variables", () => {
    expect(evaluate("$$.Execution.Id", {})).toBe("exec-1");
    expect(evaluate("$$.Map.Item.Value", {})).toBe(7);
    expect(evaluate("$count", {})).toBe(3);
    expect(evaluate("$user.name", {})).toBe("ann");
    expect(evaluate("$nothing", {})).toBeNull();
    expect(evaluate("$unset", {})).toBe(NOT_FOUND);
    expect(evaluate("$unset[*]", {})).toEqual([]);
  });

  it("applies trailing functions", () => {
    expect(evaluate("$.a.b.length()", input)).toBe(3);
    expect(evaluate("$.a.b.sum()", input)).toBe(60);
    expect(evaluate("$.a.b.min()", input)).toBe(10);
    expect(evaluate("$.a.b.max()", input)).toBe(30);
    expect(evaluate("$.a.b.avg()", input)).toBe(20);
    expect(evaluate("$.a.keys()", input)).toEqual(["b"]);
    expect(evaluate("$.a.b.first()", input)).toBe(10);
    expect(evaluate("$.a.b.last()", input)).toBe(30);
    expect(evaluate("$.list[*].k.length()", input)).toBe(1);
    expect(evaluate("$.n.length()", input)).toBe(NOT_FOUND);
    expect(evaluate("$.missing.length()", input)).toBe(NOT_FOUND);
  });
});

describe("compileJsonPath: indefinite paths (Jayway semantics)", () => {
  it("matches nothing as an empty array (recorded test_json_path_array_wildcard_or_slice_with_no_input)", () => {
    for (const path of ["$.item.items[*]", "$.item.items[1:5]", "$.item.items[1:]", "$.items[*]", "$.items[1:].itemValue", "$.items[1:]", "$.items[:1].itemValue", "$.items[:1]", "$[*]"]) {
      expect(evaluate(path, {})).toEqual([]);
    }
    expect(compileJsonPath("$[*]").definite).toBe(false);
  });

  it("selects with wildcards, slices and unions", () => {
    const input = { items: [{ v: 1 }, { v: 2 }, { w: 3 }, { v: 4 }], o: { a: 1, b: 2 } };
    expect(evaluate("$.items[*].v", input)).toEqual([1, 2, 4]);
    expect(evaluate("$.o.*", input)).toEqual([1, 2]);
    expect(evaluate("$.items[1:3]", input)).toEqual([{ v: 2 }, { w: 3 }]);
    expect(evaluate("$.items[-2:]", input)).toEqual([{ w: 3 }, { v: 4 }]);
    expect(evaluate("$.items[:10]", input)).toHaveLength(4);
    expect(evaluate("$.items[::2]", input)).toEqual([{ v: 1 }, { w: 3 }]);
    expect(evaluate("$.items[::-1].v", input)).toEqual([4, 2, 1]);
    expect(evaluate("$.items[0,3].v", input)).toEqual([1, 4]);
    expect(evaluate("$.items[0,9]", input)).toEqual([{ v: 1 }]);
    expect(evaluate("$.items[*]['v','w']", input)).toEqual([{ v: 1 }, { v: 2 }, { w: 3 }, { v: 4 }]);
  });

  it("merges a trailing property list after member and index steps into one object (Jayway)", () => {
    const input = { o: { a: 1, b: 2 }, list: [{ a: 3, c: 4 }], s: "text" };
    expect(evaluate("$['o','list']", input)).toEqual({ o: { a: 1, b: 2 }, list: [{ a: 3, c: 4 }] });
    expect(evaluate("$.o['a','b','z']", input)).toEqual({ a: 1, b: 2 });
    expect(evaluate("$.list[0]['a','c']", input)).toEqual({ a: 3, c: 4 });
    expect(evaluate("$.o['y','z']", input)).toEqual({});
    expect(compileJsonPath("$.o['a','b']").definite).toBe(true);
    // The step before the merge must exist and be an object, as for any definite path.
    expect(evaluate("$.missing['a','b']", input)).toBe(NOT_FOUND);
    expect(evaluate("$.s['a','b']", input)).toBe(NOT_FOUND);
    // Not a leaf, or after a wildcard: still a list of matches.
    expect(evaluate("$['o','list'].a", input)).toEqual([1]);
    expect(compileJsonPath("$['o','list'].a").definite).toBe(false);
  });

  it("filters like the recorded test_state_pass_regex_json_path_base", () => {
    const input = { users: [{ year: 1997, status: 0 }, { year: 1998, status: 1 }] };
    expect(evaluate("$.users[?(@.status == 0)]", input)).toEqual([{ year: 1997, status: 0 }]);
  });

  it("evaluates filter operators", () => {
    const input = {
      limit: 2,
      items: [
        { n: 1, s: "apple", tags: ["a", "b"] },
        { n: 2, s: "banana", tags: [] },
        { n: 3, s: "cherry" },
      ],
    };
    const names = (filter: string) => (evaluate(`$.items[?(${filter})].n`, input) as number[]);
    expect(names("@.n > 1")).toEqual([2, 3]);
    expect(names("@.n >= 2 && @.n < 3")).toEqual([2]);
    expect(names("@.n <= 1 || @.s == 'cherry'")).toEqual([1, 3]);
    expect(names("@.n != 2")).toEqual([1, 3]);
    expect(names("!(@.n == 2)")).toEqual([1, 3]);
    expect(names("@.tags")).toEqual([1, 2]);
    expect(names("@.tags[*]")).toEqual([1]);
    expect(names("@.tags[?(@ == 'b')]")).toEqual([1]);
    // A trailing merge or function yields one value, so its existence is that value's.
    expect(names("@['tags','zz']")).toEqual([1, 2, 3]);
    expect(names("@.tags.length()")).toEqual([1, 2]);
    expect(names("@.missing != 1")).toEqual([1, 2, 3]);
    expect(names("@.missing == 1")).toEqual([]);
    expect(names("@.n > $.limit")).toEqual([3]);
    expect(names("@.n == $count")).toEqual([3]);
    expect(names("@.s =~ /.*an.*/")).toEqual([2]);
    expect(names("@.s =~ /AN/i")).toEqual([]);
    expect(names("@.s =~ /BANANA/i")).toEqual([2]);
    expect(names("@.s in ['apple', 'cherry']")).toEqual([1, 3]);
    expect(names("@.s nin ['apple', 'cherry']")).toEqual([2]);
    expect(names("@.tags contains 'a'")).toEqual([1]);
    expect(names("@.s contains 'err'")).toEqual([3]);
    expect(names("@.tags size 2")).toEqual([1]);
    expect(names("@.tags empty true")).toEqual([2]);
    expect(names("@.tags subsetof ['a', 'b', 'c']")).toEqual([1, 2]);
    expect(names("@.tags anyof ['b']")).toEqual([1]);
    expect(names("@.tags noneof ['b']")).toEqual([2]);
    expect(names("@.s > 'b'")).toEqual([2, 3]);
    expect(names("@.s > 1")).toEqual([]);
    expect(names("@.s == banana")).toEqual([2]);
  });

  it("deep-scans", () => {
    const input = { a: { id: 1, b: [{ id: 2 }, { c: { id: 3 } }] }, id: 0 };
    expect(evaluate("$..id", input)).toEqual([0, 1, 2, 3]);
    expect(evaluate("$..b[0]", input)).toEqual([{ id: 2 }]);
    expect(evaluate("$..[?(@.id > 1)]", input)).toEqual([{ id: 2 }]);
    expect(evaluate("$.a..*", { a: { x: [1] } })).toEqual([[1], 1]);
  });
});

describe("compileJsonPath errors", () => {
  it("throws a StatesError naming the grammar problem", () => {
    expect(() => compileJsonPath("$.a[")).toThrow(StatesError);
    expect(() => compileJsonPath("a.b")).toThrow("Invalid JSONPath 'a.b': A path must start with '$' but found 'a' (at offset 0)");
  });
});

describe("compileJsonPath: unrolled one- and two-member paths", () => {
  /** The general member walk, as a reference for the unrolled ones. */
  const reference = (names: readonly string[], input: unknown): unknown => {
    let node = input;
    for (const name of names) {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, name)) return NOT_FOUND;
      node = (node as Record<string, unknown>)[name];
    }
    return node;
  };
  const inputs: unknown[] = [
    { a: { b: { c: 1 } } }, { a: { b: null } }, { a: [{ b: 1 }] }, { a: "text" }, { a: null }, { b: 1 }, [], [1], "s", 0, null,
    JSON.parse('{"__proto__": {"b": 2}, "a": {"__proto__": 3}}'), { a: { constructor: 4 } }, {},
  ];
  for (const names of [["a"], ["a", "b"], ["a", "b", "c"], ["__proto__"], ["__proto__", "b"], ["a", "__proto__"], ["a", "constructor"]]) {
    it(`$.${names.join(".")} reads what the general walk reads`, () => {
      const path = compileJsonPath(`$.${names.join(".")}`);
      const quoted = compileJsonPath(`$${names.map((name) => `['${name}']`).join("")}`);
      for (const input of inputs) {
        expect(path.evaluate(input, scope)).toBe(reference(names, input));
        expect(quoted.evaluate(input, scope)).toBe(reference(names, input));
      }
    });
  }
});
