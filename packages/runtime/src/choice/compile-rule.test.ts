import { describe, expect, it } from "vitest";
import { NO_VARIABLES, type EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";
import { compileChoiceRule } from "./compile-rule.ts";

const scope: EvaluationScope = { context: {}, variables: NO_VARIABLES };

/** Evaluates a one-off rule against `input`. */
function holds(rule: Record<string, unknown>, input: unknown, s: EvaluationScope = scope): boolean {
  return compileChoiceRule(rule, "/States/C/Choices/0").evaluate(input, s);
}

/** `{Variable: "$.v", <op>: operand}` against `{v: value}`. */
function test(op: string, operand: unknown, value: unknown): boolean {
  return holds({ Variable: "$.v", [op]: operand }, { v: value });
}

/** `{Variable: "$.v", <op>Path: "$.w"}` against `{v: value, w: other}`. */
function testPath(op: string, value: unknown, other: unknown): boolean {
  return holds({ Variable: "$.v", [`${op}Path`]: "$.w" }, { v: value, w: other });
}

function thrown(f: () => unknown): StatesError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatesError) return e;
    throw e;
  }
  throw new Error("expected a StatesError");
}

/** Values of every JSON type, for type-mismatch checks. */
const EVERY_TYPE: readonly unknown[] = [null, true, false, 0, 1, 1.5, "", "a", "2012-10-09T19:00:55Z", [], [1], {}, { a: 0 }];

describe("string comparisons", () => {
  it.each([
    ["StringEquals", "abc", "abc", true],
    ["StringEquals", "abc", "abd", false],
    ["StringEquals", "abc", "ABC", false],
    ["StringEquals", "", "", true],
    ["StringLessThan", "AB", "A", false],
    ["StringLessThan", "A", "AB", true],
    ["StringLessThan", "A", "A", false],
    ["StringGreaterThan", "ABC", "AB", true],
    ["StringGreaterThan", "A", "A\t\n\r", false],
    ["StringGreaterThan", "a", "B", true],
    ["StringLessThanEquals", "A", "A", true],
    ["StringLessThanEquals", "AB", "A", false],
    ["StringGreaterThanEquals", "", "", true],
    ["StringGreaterThanEquals", "A", "AB", false],
  ])("%s: %j vs %j is %s (literal and Path)", (op, value, operand, expected) => {
    expect(test(op, operand, value)).toBe(expected);
    expect(testPath(op, value, operand)).toBe(expected);
  });

  it("orders by UTF-16 code units like Java's String.compareTo", () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts below U+FFFF.
    expect(test("StringLessThan", "\uFFFF", "😀")).toBe(true);
    // No Unicode normalisation: a decomposed é (e + U+0301) is neither equal to nor above U+00E9.
    expect(test("StringEquals", "é", "e\u0301")).toBe(false);
    expect(test("StringLessThan", "é", "e\u0301")).toBe(true);
  });

  it.each(EVERY_TYPE.filter((v) => typeof v !== "string"))("is false for a non-string Variable %j", (value) => {
    for (const op of ["StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals"]) {
      expect(test(op, "", value)).toBe(false);
      expect(test(op, "zzz", value)).toBe(false);
      expect(testPath(op, value, "")).toBe(false);
    }
  });

  it("is false when the Path operand is not a string", () => {
    expect(testPath("StringEquals", "1", 1)).toBe(false);
    expect(testPath("StringLessThan", "a", 5)).toBe(false);
    expect(testPath("StringGreaterThanEquals", "a", null)).toBe(false);
  });
});

describe("StringMatches", () => {
  it("matches with * wildcards and escapes as written in JSON", () => {
    const rule = JSON.parse(String.raw`{"Variable": "$.v", "StringMatches": "log-*.txt"}`) as Record<string, unknown>;
    expect(holds(rule, { v: "log-2024.txt" })).toBe(true);
    expect(holds(rule, { v: "log-2024.csv" })).toBe(false);
    const literalStar = JSON.parse(String.raw`{"Variable": "$.v", "StringMatches": "a\\*b"}`) as Record<string, unknown>;
    expect(holds(literalStar, { v: "a*b" })).toBe(true);
    expect(holds(literalStar, { v: "aXb" })).toBe(false);
    const backslash = JSON.parse(String.raw`{"Variable": "$.v", "StringMatches": "a\\\\*"}`) as Record<string, unknown>;
    expect(holds(backslash, { v: "a\\xyz" })).toBe(true);
  });

  it("is false for a non-string Variable", () => {
    for (const v of EVERY_TYPE.filter((x) => typeof x !== "string")) expect(test("StringMatches", "*", v)).toBe(false);
  });

  it("raises States.Runtime when evaluated with a dangling backslash, not at load time", () => {
    const rule = compileChoiceRule({ Variable: "$.v", StringMatches: "abc\\" }, "/r");
    const e = thrown(() => rule.evaluate({ v: "abc" }, scope));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe("The pattern 'abc\\' ends with an unescaped backslash.");
  });
});

describe("numeric comparisons", () => {
  it.each([
    ["NumericEquals", 1, 1, true],
    ["NumericEquals", 1, 1.0, true],
    ["NumericEquals", 1.1, 1, false],
    ["NumericEquals", 0, -0, true],
    ["NumericEquals", 0.1 + 0.2, 0.3, false],
    ["NumericLessThan", 0, 1, true],
    ["NumericLessThan", 1, 1, false],
    ["NumericLessThan", -1.5, -1, true],
    ["NumericGreaterThan", 0, 0, false],
    ["NumericGreaterThan", 2, 1.999, true],
    ["NumericLessThanEquals", 1, 1, true],
    ["NumericLessThanEquals", 1, 0, false],
    ["NumericGreaterThanEquals", 0, 0, true],
    ["NumericGreaterThanEquals", 0, 1, false],
    ["NumericGreaterThanEquals", 1e300, 1e-300, true],
  ])("%s: %d vs %d is %s (literal and Path)", (op, value, operand, expected) => {
    expect(test(op, operand, value)).toBe(expected);
    expect(testPath(op, value, operand)).toBe(expected);
  });

  it.each(EVERY_TYPE.filter((v) => typeof v !== "number"))("is false for a non-number Variable %j", (value) => {
    for (const op of ["NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals"]) {
      expect(test(op, 0, value)).toBe(false);
      expect(test(op, 1, value)).toBe(false);
      expect(testPath(op, value, 0)).toBe(false);
    }
  });

  it("never converts strings or booleans to numbers", () => {
    expect(test("NumericEquals", 1, "1")).toBe(false);
    expect(test("NumericEquals", 1, true)).toBe(false);
    expect(test("NumericEquals", 0, false)).toBe(false);
    expect(testPath("NumericEquals", 1, "1")).toBe(false);
    expect(testPath("NumericLessThan", 0, "1")).toBe(false);
  });
});

describe("BooleanEquals", () => {
  it("compares booleans, literal and Path", () => {
    expect(test("BooleanEquals", true, true)).toBe(true);
    expect(test("BooleanEquals", false, false)).toBe(true);
    expect(test("BooleanEquals", true, false)).toBe(false);
    expect(testPath("BooleanEquals", false, false)).toBe(true);
    expect(testPath("BooleanEquals", true, false)).toBe(false);
  });

  it("is false for anything that is not a boolean", () => {
    for (const v of EVERY_TYPE.filter((x) => typeof x !== "boolean")) {
      expect(test("BooleanEquals", true, v)).toBe(false);
      expect(test("BooleanEquals", false, v)).toBe(false);
      expect(testPath("BooleanEquals", v, false)).toBe(false);
    }
    expect(testPath("BooleanEquals", true, "true")).toBe(false);
    expect(testPath("BooleanEquals", false, 0)).toBe(false);
  });
});

describe("timestamp comparisons", () => {
  const t55 = "2012-10-09T19:00:55Z";
  const t56 = "2012-10-09T19:00:56Z";
  it.each([
    ["TimestampEquals", t55, t55, true],
    ["TimestampEquals", t55, t56, false],
    ["TimestampEquals", "2012-10-09T20:00:55+01:00", t55, true],
    ["TimestampEquals", "2012-10-09T19:00:55.000Z", t55, true],
    ["TimestampEquals", "2012-10-09T19:00:55.000000001Z", t55, false],
    ["TimestampLessThan", t55, t56, true],
    ["TimestampLessThan", t56, t55, false],
    ["TimestampLessThan", "2012-10-09T19:00:55.000000001Z", "2012-10-09T19:00:55.000000002Z", true],
    ["TimestampGreaterThan", t56, t55, true],
    ["TimestampGreaterThan", t55, t55, false],
    ["TimestampLessThanEquals", t55, t55, true],
    ["TimestampLessThanEquals", t56, t55, false],
    ["TimestampGreaterThanEquals", t55, t56, false],
    ["TimestampGreaterThanEquals", "2012-10-09T19:00:56+00:00", t55, true],
  ])("%s: %s vs %s is %s (literal and Path)", (op, value, operand, expected) => {
    expect(test(op, operand, value)).toBe(expected);
    expect(testPath(op, value, operand)).toBe(expected);
  });

  it("is false when the Variable is not a timestamp (wrong type, or a string AWS would not accept)", () => {
    const notTimestamps = [...EVERY_TYPE.filter((v) => v !== t55), "2012-10-09T19:00:55", "2023-02-24", " ", "2012-10-09 19:00:55Z"];
    for (const v of notTimestamps) {
      for (const op of ["TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals"]) {
        expect(test(op, t55, v)).toBe(false);
        expect(testPath(op, v, t55)).toBe(false);
      }
    }
  });

  it("is false when the Path operand is not a timestamp", () => {
    expect(testPath("TimestampEquals", t55, "2012-10-09T19:00:55")).toBe(false);
    expect(testPath("TimestampLessThanEquals", t55, 1349809255000)).toBe(false);
  });

  it("leaves timestamp strings comparable as strings", () => {
    expect(test("StringEquals", t55, t55)).toBe(true);
    expect(test("StringLessThan", t56, t55)).toBe(true);
  });
});

describe("type tests", () => {
  const cases: ReadonlyArray<readonly [string, (v: unknown) => boolean]> = [
    ["IsNull", (v) => v === null],
    ["IsNumeric", (v) => typeof v === "number"],
    ["IsString", (v) => typeof v === "string"],
    ["IsBoolean", (v) => typeof v === "boolean"],
    ["IsTimestamp", (v) => v === "2012-10-09T19:00:55Z"],
  ];
  it.each(cases)("%s holds exactly for its type, and `false` negates it", (op, isType) => {
    for (const v of EVERY_TYPE) {
      expect(test(op, true, v)).toBe(isType(v));
      expect(test(op, false, v)).toBe(!isType(v));
    }
  });

  it("IsTimestamp accepts only the RFC 3339 profile AWS accepts", () => {
    expect(test("IsTimestamp", true, "2012-10-09T19:00:55+01:00")).toBe(true);
    expect(test("IsTimestamp", true, "2016-03-05T21:29:29.243167252Z")).toBe(true);
    expect(test("IsTimestamp", true, "2012-10-09T19:00:55")).toBe(false);
    expect(test("IsTimestamp", true, "2023-02-24")).toBe(false);
    expect(test("IsTimestamp", true, "2016-13-05T21:29:29Z")).toBe(false);
  });

  it("IsPresent tells whether the path selects anything, including null", () => {
    expect(holds({ Variable: "$.v", IsPresent: true }, { v: null })).toBe(true);
    expect(holds({ Variable: "$.v", IsPresent: false }, { v: null })).toBe(false);
    expect(holds({ Variable: "$.v", IsPresent: true }, {})).toBe(false);
    expect(holds({ Variable: "$.v", IsPresent: false }, {})).toBe(true);
    expect(holds({ Variable: "$.v.w", IsPresent: false }, { v: "text" })).toBe(true);
    expect(holds({ Variable: "$.a[3]", IsPresent: true }, { a: [1, 2] })).toBe(false);
    expect(holds({ Variable: "$.a[1]", IsPresent: true }, { a: [1, 2] })).toBe(true);
  });
});

describe("paths the rule reads", () => {
  it("reads the context object through $$ and variables through $name", () => {
    const s: EvaluationScope = {
      context: { State: { Name: "Check", RetryCount: 0 } },
      variables: { read: (name) => ({ limit: 10, mode: "fast" } as Record<string, unknown>)[name] },
    };
    expect(holds({ Variable: "$$.State.Name", StringEquals: "Check" }, {}, s)).toBe(true);
    expect(holds({ Variable: "$limit", NumericGreaterThan: 5 }, {}, s)).toBe(true);
    expect(holds({ Variable: "$.n", NumericLessThanPath: "$limit" }, { n: 3 }, s)).toBe(true);
    expect(holds({ Variable: "$mode", StringEqualsPath: "$$.State.Name" }, {}, s)).toBe(false);
    expect(holds({ Variable: "$unset", IsPresent: false }, {}, s)).toBe(true);
  });

  it("reads the whole input with $", () => {
    expect(holds({ Variable: "$", StringEquals: "No messages" }, "No messages")).toBe(true);
    expect(holds({ Variable: "$", IsNumeric: true }, 42)).toBe(true);
  });
});

describe("missing paths", () => {
  const cause = (path: string): string => `Invalid path '${path}': The choice state's condition path references an invalid value.`;

  it.each([
    ["StringEquals", "x"],
    ["StringMatches", "*"],
    ["NumericEquals", 1],
    ["BooleanEquals", true],
    ["TimestampEquals", "2012-10-09T19:00:55Z"],
    ["IsNull", true],
    ["IsNull", false],
    ["IsString", false],
    ["IsNumeric", true],
    ["IsBoolean", false],
    ["IsTimestamp", false],
  ])("%s (%j) on a missing Variable raises States.Runtime", (op, operand) => {
    const e = thrown(() => holds({ Variable: "$.missing", [op]: operand }, { other: 1 }));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe(cause("$.missing"));
  });

  it("an unassigned variable is a missing path", () => {
    const e = thrown(() => holds({ Variable: "$nothing", StringEquals: "x" }, {}));
    expect(e.cause).toBe(cause("$nothing"));
  });

  it("a missing …Path operand raises States.Runtime naming that path", () => {
    const e = thrown(() => holds({ Variable: "$.v", NumericEqualsPath: "$.absent" }, { v: 1 }));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe(cause("$.absent"));
  });

  it("the Variable is checked before the operand path", () => {
    const e = thrown(() => holds({ Variable: "$.a", StringEqualsPath: "$.b" }, {}));
    expect(e.cause).toBe(cause("$.a"));
  });

  it("a null value is present, not missing", () => {
    expect(test("StringEquals", "x", null)).toBe(false);
    expect(testPath("NumericEquals", 1, null)).toBe(false);
  });
});

describe("And, Or, Not", () => {
  const inTwenties = {
    And: [
      { Variable: "$.value", NumericGreaterThanEquals: 20 },
      { Variable: "$.value", NumericLessThan: 30 },
    ],
  };

  it("combine rules", () => {
    expect(holds(inTwenties, { value: 22 })).toBe(true);
    expect(holds(inTwenties, { value: 30 })).toBe(false);
    expect(holds({ Not: { Variable: "$.type", StringEquals: "Private" } }, { type: "Public" })).toBe(true);
    expect(holds({ Not: { Variable: "$.type", StringEquals: "Private" } }, { type: "Private" })).toBe(false);
    const rule = { Or: [{ Variable: "$.a", BooleanEquals: true }, { Not: inTwenties }] };
    expect(holds(rule, { a: false, value: 25 })).toBe(false);
    expect(holds(rule, { a: false, value: 35 })).toBe(true);
    expect(holds(rule, { a: true, value: 25 })).toBe(true);
  });

  it("accept a single-element list", () => {
    expect(holds({ And: [{ Variable: "$.type", StringEquals: "Public" }] }, { type: "Public" })).toBe(true);
    expect(holds({ Or: [{ Variable: "$.type", StringEquals: "Public" }] }, { type: "Private" })).toBe(false);
  });

  it("short-circuit, so a guard keeps a later missing path from failing", () => {
    const guarded = { And: [{ Variable: "$.x", IsPresent: true }, { Variable: "$.x", NumericEquals: 1 }] };
    expect(holds(guarded, {})).toBe(false);
    const either = { Or: [{ Variable: "$.x", IsPresent: false }, { Variable: "$.x", NumericEquals: 1 }] };
    expect(holds(either, {})).toBe(true);
  });

  it("propagate a missing path from an evaluated operand", () => {
    expect(thrown(() => holds({ Not: { Variable: "$.x", IsNull: true } }, {})).error).toBe("States.Runtime");
    expect(thrown(() => holds({ Or: [{ Variable: "$.y", IsNull: true }] }, {})).error).toBe("States.Runtime");
  });
});

describe("malformed rules", () => {
  it.each([
    ["a non-object", "rule", "a rule must be a JSON object"],
    ["null", null, "a rule must be a JSON object"],
    ["an array", [], "a rule must be a JSON object"],
    ["no Variable", { StringEquals: "x" }, "a data-test rule needs 'Variable'"],
    ["no operator", { Variable: "$.v" }, "a data-test rule needs exactly one operator, found none"],
    ["two operators", { Variable: "$.v", StringEquals: "x", IsNull: true }, "a data-test rule needs exactly one operator, found StringEquals, IsNull"],
    ["an unknown operator", { Variable: "$.v", StringContains: "x" }, "unknown field or operator 'StringContains'"],
    ["BooleanLessThan", { Variable: "$.v", BooleanLessThan: true }, "unknown field or operator 'BooleanLessThan'"],
    ["StringMatchesPath", { Variable: "$.v", StringMatchesPath: "$.p" }, "unknown field or operator 'StringMatchesPath'"],
    ["IsNullPath", { Variable: "$.v", IsNullPath: "$.p" }, "unknown field or operator 'IsNullPath'"],
    ["a non-string Variable", { Variable: 1, IsNull: true }, "'Variable' must be a path string"],
    ["a string for NumericEquals", { Variable: "$.v", NumericEquals: "1" }, "'NumericEquals' takes a number"],
    ["a number for StringEquals", { Variable: "$.v", StringEquals: 1 }, "'StringEquals' takes a string"],
    ["a string for BooleanEquals", { Variable: "$.v", BooleanEquals: "true" }, "'BooleanEquals' takes a boolean"],
    ["a number for TimestampEquals", { Variable: "$.v", TimestampEquals: 1 }, "'TimestampEquals' takes a timestamp"],
    [
      "a non-RFC 3339 TimestampEquals",
      { Variable: "$.v", TimestampEquals: "2012-10-09T19:00:55" },
      "'TimestampEquals' value '2012-10-09T19:00:55' does not match RFC3339 timestamp",
    ],
    ["a string for IsNull", { Variable: "$.v", IsNull: "true" }, "'IsNull' takes true or false"],
    ["a number for IsPresent", { Variable: "$.v", IsPresent: 1 }, "'IsPresent' takes true or false"],
    ["a non-string StringMatches", { Variable: "$.v", StringMatches: 5 }, "'StringMatches' takes a string pattern"],
    ["a wildcard Variable", { Variable: "$.a[*]", IsNull: true }, "'Variable' must be a reference path selecting one value, not '$.a[*]'"],
    ["a filter …Path operand", { Variable: "$.v", NumericEqualsPath: "$.a[?(@.x)]" }, "'NumericEqualsPath' must be a reference path selecting one value, not '$.a[?(@.x)]'"],
    ["a non-string …Path operand", { Variable: "$.v", NumericEqualsPath: 5 }, "'NumericEqualsPath' must be a path string"],
    ["a boolean expression with a Variable", { Not: { Variable: "$.v", IsNull: true }, Variable: "$.v" }, "a boolean expression takes no other fields, found Not, Variable"],
    ["a JSONata Condition", { Condition: "{% true %}" }, "'Condition' is a JSONata rule; this compiler handles JSONPath rules"],
  ])("rejects %s", (_why, rule, problem) => {
    const e = thrown(() => compileChoiceRule(rule, "/States/C/Choices/0"));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe(`Invalid Choice rule at /States/C/Choices/0: ${problem}`);
  });

  it.each([
    ["an empty And", { And: [] }, "/And: 'And' must be a non-empty array of rules"],
    ["an Or that is not a list", { Or: { Variable: "$.v", IsNull: true } }, "/Or: 'Or' must be a non-empty array of rules"],
  ])("rejects %s, pointing at the field", (_why, rule, problem) => {
    const e = thrown(() => compileChoiceRule(rule, "/States/C/Choices/0"));
    expect(e.cause).toBe(`Invalid Choice rule at /States/C/Choices/0${problem}`);
  });

  it("rejects a Variable that is not a JSONPath, passing on the path compiler's reason", () => {
    const e = thrown(() => compileChoiceRule({ Variable: "v", IsNull: true }, "/States/C/Choices/0"));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause.startsWith("Invalid Choice rule at /States/C/Choices/0: 'Variable' is not a valid path (Invalid JSONPath 'v'")).toBe(true);
    const operand = thrown(() => compileChoiceRule({ Variable: "$.v", StringEqualsPath: "$.a[" }, "/r"));
    expect(operand.cause.startsWith("Invalid Choice rule at /r: 'StringEqualsPath' is not a valid path (Invalid JSONPath '$.a['")).toBe(true);
  });

  it("names the nested location of a bad inner rule", () => {
    const e = thrown(() => compileChoiceRule({ And: [{ Variable: "$.a", IsNull: true }, { Not: { Variable: "$.b" } }] }, "/S/Choices/2"));
    expect(e.cause).toBe("Invalid Choice rule at /S/Choices/2/And/1/Not: a data-test rule needs exactly one operator, found none");
  });

  it("ignores Next, Comment and Assign", () => {
    expect(holds({ Variable: "$.v", IsNull: true, Next: "A", Comment: "c", Assign: { x: 1 } }, { v: null })).toBe(true);
  });
});
