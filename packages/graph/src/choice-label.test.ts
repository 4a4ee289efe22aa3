import { describe, expect, it } from "vitest";
import { describeChoiceRule, MAX_CHOICE_LABEL, truncate } from "./choice-label.ts";

const label = (rule: Record<string, unknown>): string => describeChoiceRule({ ...rule, Next: "X" }, 0);

describe("describeChoiceRule", () => {
  it("renders comparisons with operators, quoting strings but not numbers, paths or timestamps", () => {
    expect(label({ Variable: "$.total", NumericGreaterThan: 1000 })).toBe("$.total > 1000");
    expect(label({ Variable: "$.status", StringEquals: "done" })).toBe('$.status == "done"');
    expect(label({ Variable: "$.n", NumericLessThanEquals: 3 })).toBe("$.n <= 3");
    expect(label({ Variable: "$.ok", BooleanEquals: true })).toBe("$.ok == true");
    expect(label({ Variable: "$.at", TimestampGreaterThanEquals: "2024-01-01T00:00:00Z" })).toBe("$.at >= 2024-01-01T00:00:00Z");
    expect(label({ Variable: "$.a", NumericLessThanPath: "$.b" })).toBe("$.a < $.b");
    expect(label({ Variable: "$.file", StringMatches: "*.csv" })).toBe('$.file matches "*.csv"');
  });

  it("renders type tests, including their false forms", () => {
    expect(label({ Variable: "$.x", IsPresent: true })).toBe("$.x is present");
    expect(label({ Variable: "$.x", IsNull: false })).toBe("$.x is not null");
    expect(label({ Variable: "$.x", IsNumeric: true })).toBe("$.x is numeric");
  });

  it("renders And/Or with parentheses when nested, and Not as a natural negation when it can", () => {
    expect(label({ And: [{ Variable: "$.a", NumericGreaterThan: 1 }, { Variable: "$.b", IsPresent: true }] })).toBe("$.a > 1 and $.b is present");
    expect(label({ Or: [{ Variable: "$.a", StringEquals: "x" }, { And: [{ Variable: "$.b", BooleanEquals: true }, { Variable: "$.c", IsNull: true }] }] })).toBe(
      '$.a == "x" or ($.b == true and $.c is null)',
    );
    expect(label({ Not: { Variable: "$.s", StringEquals: "true" } })).toBe('$.s != "true"');
    expect(label({ Not: { Variable: "$.s", IsPresent: true } })).toBe("$.s is not present");
    expect(label({ Not: { Variable: "$.n", NumericLessThan: 5 } })).toBe("not $.n < 5");
    expect(label({ Not: { Or: [{ Variable: "$.a", IsNull: true }, { Variable: "$.b", IsNull: true }] } })).toBe("not ($.a is null or $.b is null)");
  });

  it("shows a JSONata Condition without its {% %} delimiters", () => {
    expect(label({ Condition: "{% $states.input.total > 1000 %}" })).toBe("$states.input.total > 1000");
  });

  it("falls back to 'rule N' for rules it cannot read", () => {
    expect(describeChoiceRule({ Next: "X" }, 2)).toBe("rule 3");
    expect(describeChoiceRule({ Variable: "$.a", Next: "X" }, 0)).toBe("rule 1");
    expect(describeChoiceRule({ And: [], Next: "X" }, 0)).toBe("rule 1");
    expect(describeChoiceRule({ And: [{ Variable: 3, IsNull: true }], Next: "X" }, 0)).toBe("rule 1");
    expect(describeChoiceRule({ Variable: "$.a", NumericWhatever: 1, Next: "X" }, 1)).toBe("rule 2");
  });

  it("cuts long labels with an ellipsis", () => {
    const long = label({ Variable: `$.${"a".repeat(100)}`, IsPresent: true });
    expect(Array.from(long)).toHaveLength(MAX_CHOICE_LABEL);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("truncate", () => {
  it("counts code points, so it never splits a surrogate pair", () => {
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
    expect(truncate("abc", 3)).toBe("abc");
  });
});
