import { describe, expect, it } from "vitest";
import { and, asNumber, fn, jsonata, jsonataCondition, jsonPath, jsonPathRule, literal, not, or, succeed, timestamp, typeOnly, workflow } from "../index.ts";
import type { Condition, InputScope, QueryLanguage, Timestamp } from "../index.ts";

interface Input {
  readonly name: string;
  readonly "odd key": number;
  readonly total: number;
  readonly limit: number;
  readonly at: Timestamp;
  readonly flags: { readonly vip: boolean; readonly note?: string };
  readonly items: readonly { readonly sku: string }[];
}

/** The compiled rule of a one-rule Choice. */
function rule(queryLanguage: QueryLanguage, test: ($: InputScope<Input, {}>) => Condition): unknown {
  const flow = workflow("Rule", { input: typeOnly<Input>(), queryLanguage });
  const { asl, diagnostics } = flow.startWith(flow.choice("C").when(test, succeed("Yes")).otherwise(succeed("No"))).compile();
  expect(diagnostics).toEqual([]);
  const choices = (asl.States["C"] as { Choices: { Next?: string }[] }).Choices;
  const { Next: _next, ...first } = choices[0] ?? {};
  return first;
}

/** The compiled output of a Pass state. */
function output(queryLanguage: QueryLanguage, build: ($: InputScope<Input, {}>) => unknown): unknown {
  const flow = workflow("Out", { input: typeOnly<Input>(), queryLanguage });
  const { asl } = flow.startWith(flow.pass("P", { output: build })).compile();
  const state = asl.States["P"] as { Output?: unknown; Parameters?: unknown };
  return state.Output ?? state.Parameters;
}

describe("references compile to paths", () => {
  it("spells odd keys and indexes per language", () => {
    expect(output("JSONata", ($) => ({ a: $.input["odd key"], b: $.input.items.elementAt(2).sku }))).toEqual({
      a: "{% $states.input.`odd key` %}",
      b: "{% $states.input.items[2].sku %}",
    });
    expect(output("JSONPath", ($) => ({ a: $.input["odd key"], b: $.input.items.elementAt(2).sku }))).toEqual({
      "a.$": "$['odd key']",
      "b.$": "$.items[2].sku",
    });
  });

  it("reads the context object", () => {
    expect(output("JSONata", ($) => ({ id: $.context.Execution.Id }))).toEqual({ id: "{% $states.context.Execution.Id %}" });
    expect(output("JSONPath", ($) => ({ id: $.context.Execution.Id }))).toEqual({ "id.$": "$$.Execution.Id" });
  });

  it("keeps literal strings literal, even ones that look like expressions", () => {
    expect(output("JSONata", () => ({ a: "{% not me %}", b: "$.not.a.path", c: [1, "x"] }))).toEqual({ a: '{% "{% not me %}" %}', b: "$.not.a.path", c: [1, "x"] });
    expect(output("JSONPath", () => ({ a: "$.literal" }))).toEqual({ a: "$.literal" });
  });

  it("builds arrays of references with States.Array in JSONPath", () => {
    expect(output("JSONPath", ($) => ({ pair: [$.input.name, "x"] }))).toEqual({ "pair.$": "States.Array($.name, 'x')" });
    expect(output("JSONata", ($) => ({ pair: [$.input.name, "x"] }))).toEqual({ pair: ["{% $states.input.name %}", "x"] });
  });
});

describe("Choice rules", () => {
  it("numbers, strings and booleans against literals", () => {
    expect(rule("JSONPath", ($) => $.input.total.gte(10))).toEqual({ Variable: "$.total", NumericGreaterThanEquals: 10 });
    expect(rule("JSONata", ($) => $.input.total.gte(10))).toEqual({ Condition: "{% $states.input.total >= 10 %}" });
    expect(rule("JSONPath", ($) => $.input.name.lt("m"))).toEqual({ Variable: "$.name", StringLessThan: "m" });
    expect(rule("JSONPath", ($) => $.input.flags.vip.eq(true))).toEqual({ Variable: "$.flags.vip", BooleanEquals: true });
    expect(rule("JSONata", ($) => $.input.name.eq("bob"))).toEqual({ Condition: '{% $states.input.name = "bob" %}' });
  });

  it("timestamps compare as instants", () => {
    const when = timestamp("2026-01-01T00:00:00Z");
    expect(rule("JSONPath", ($) => $.input.at.before(when))).toEqual({ Variable: "$.at", TimestampLessThan: "2026-01-01T00:00:00Z" });
    expect(rule("JSONata", ($) => $.input.at.atOrAfter(when))).toEqual({ Condition: '{% $toMillis($states.input.at) >= $toMillis("2026-01-01T00:00:00Z") %}' });
    expect(() => timestamp("2026-01-01 00:00")).toThrow(/RFC 3339/);
  });

  it("compares two references: Path operators in JSONPath once the type is declared", () => {
    expect(rule("JSONPath", ($) => $.input.total.lt(asNumber($.input.limit)))).toEqual({ Variable: "$.total", NumericLessThanPath: "$.limit" });
    expect(rule("JSONata", ($) => $.input.total.lt($.input.limit))).toEqual({ Condition: "{% $states.input.total < $states.input.limit %}" });
    const flow = workflow("Ambiguous", { input: typeOnly<Input>(), queryLanguage: "JSONPath" });
    const { diagnostics } = flow.startWith(flow.choice("C").when(($) => $.input.total.lt($.input.limit), succeed("S"))).compile();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([["AMBIGUOUS_COMPARISON", "/States/C/Choices/0"]]);
  });

  it("glob matching, presence and type tests", () => {
    expect(rule("JSONPath", ($) => $.input.flags.note.isPresent())).toEqual({ Variable: "$.flags.note", IsPresent: true });
    expect(rule("JSONata", ($) => $.input.flags.note.isPresent(false))).toEqual({ Condition: "{% $not($exists($states.input.flags.note)) %}" });
    expect(rule("JSONata", ($) => $.input.name.matches("a.b*\\*"))).toEqual({ Condition: "{% $contains($states.input.name, /^a\\.b.*\\*$/) %}" });
    expect(rule("JSONPath", ($) => $.input.name.matches("a*"))).toEqual({ Variable: "$.name", StringMatches: "a*" });
    expect(rule("JSONPath", ($) => $.input.at.isTimestamp())).toEqual({ Variable: "$.at", IsTimestamp: true });
  });

  it("and, or, not nest", () => {
    const test = ($: InputScope<Input, {}>) => or(and($.input.total.gt(1), $.input.total.lt(5)), not($.input.flags.vip.eq(false)));
    expect(rule("JSONPath", test)).toEqual({
      Or: [
        { And: [{ Variable: "$.total", NumericGreaterThan: 1 }, { Variable: "$.total", NumericLessThan: 5 }] },
        { Not: { Variable: "$.flags.vip", BooleanEquals: false } },
      ],
    });
    expect(rule("JSONata", test)).toEqual({
      Condition: "{% (($states.input.total > 1 and $states.input.total < 5) or $not($states.input.flags.vip = false)) %}",
    });
  });

  it("raw conditions in their own language", () => {
    expect(rule("JSONata", () => jsonataCondition("$count($states.input.items) > 2"))).toEqual({ Condition: "{% ($count($states.input.items) > 2) %}" });
    expect(rule("JSONPath", () => jsonPathRule({ Variable: "$.items[0]", IsPresent: true }))).toEqual({ Variable: "$.items[0]", IsPresent: true });
  });
});

describe("functions and raw expressions", () => {
  it("compile to intrinsics in JSONPath and JSONata built-ins in JSONata", () => {
    const build = ($: InputScope<Input, {}>) => ({
      hello: fn.format("Hi {}, it's {}", $.input.name, "late"),
      n: fn.arrayLength($.input.items),
      sum: fn.mathAdd($.input.total, 1),
      parts: fn.stringSplit($.input.name, ",;"),
      id: fn.uuid(),
      hash: fn.hash($.input.name, "SHA-256"),
    });
    expect(output("JSONPath", build)).toEqual({
      "hello.$": "States.Format('Hi {}, it\\'s {}', $.name, 'late')",
      "n.$": "States.ArrayLength($.items)",
      "sum.$": "States.MathAdd($.total, 1)",
      "parts.$": "States.StringSplit($.name, ',;')",
      "id.$": "States.UUID()",
      "hash.$": "States.Hash($.name, 'SHA-256')",
    });
    expect(output("JSONata", build)).toEqual({
      hello: `{% "Hi " & $string($states.input.name) & ", it's " & $string("late") %}`,
      n: "{% $count($states.input.items) %}",
      sum: "{% ($states.input.total + 1) %}",
      parts: '{% $filter($split($states.input.name, /[,;]/), function($v) { $v != "" }) %}',
      id: "{% $uuid() %}",
      hash: '{% $hash($states.input.name, "SHA-256") %}',
    });
  });

  it("interpolates references into tagged JSONata templates", () => {
    expect(output("JSONata", ($) => ({ big: jsonata<boolean>`${$.input.total} > ${literal(100)}` }))).toEqual({ big: "{% $states.input.total > 100 %}" });
  });

  it("reports a raw expression of the other language", () => {
    const flow = workflow("Mixed", { input: typeOnly<Input>(), queryLanguage: "JSONata" });
    const { diagnostics } = flow.startWith(flow.pass("P", { output: () => ({ a: jsonPath<number>("$.total") }) })).compile();
    expect(diagnostics.map((d) => d.code)).toEqual(["NOT_EXPRESSIBLE"]);
  });
});

describe("builders are immutable values", () => {
  it("branching from one chain leaves it unchanged", () => {
    const flow = workflow("Immutable", { input: typeOnly<Input>() });
    const start = flow.pass("Start");
    const a = start.pass("A");
    const b = start.pass("B");
    expect(Object.keys(flow.startWith(a).toAsl().States)).toEqual(["Start", "A"]);
    expect(Object.keys(flow.startWith(b).toAsl().States)).toEqual(["Start", "B"]);
    expect(Object.keys(flow.startWith(start).toAsl().States)).toEqual(["Start"]);
    expect(Object.isFrozen(start)).toBe(true);
  });

  it("IR nodes are frozen plain data", () => {
    const flow = workflow("Frozen", { input: typeOnly<Input>() });
    const { ir } = flow.startWith(flow.pass("Start")).toIr();
    expect(Object.isFrozen(ir.body.states[0])).toBe(true);
    expect(ir.body.states[0]).toMatchObject({ kind: "pass", name: "Start", transition: { kind: "end" } });
  });
});

describe("computed fields", () => {
  it("Wait, Fail, Task timeouts and Map item selectors read data in both languages", () => {
    for (const queryLanguage of ["JSONata", "JSONPath"] as const) {
      const flow = workflow("Computed", { input: typeOnly<Input>(), queryLanguage });
      const asl = flow
        .startWith(
          flow
            .wait("Nap", { seconds: ($) => $.input.limit })
            .wait("Until", { timestamp: ($) => $.input.at })
            .map("Each", {
              items: ($) => $.input.items,
              itemSelector: ($) => ({ sku: $.item.sku, position: $.index, owner: $.input.name }),
              maxConcurrency: ($) => $.input.limit,
              processor: (s) => s.pass("Keep"),
            })
            .fail("Stop", { error: () => literal("Stopped"), cause: ($) => fn.format("after {}", fn.jsonToString($.input)) }),
        )
        .toAsl();
      const states = asl.States as Record<string, unknown>;
      if (queryLanguage === "JSONata") {
        expect(states["Nap"]).toMatchObject({ Seconds: "{% $states.input.limit %}" });
        expect(states["Until"]).toMatchObject({ Timestamp: "{% $states.input.at %}" });
        expect(states["Each"]).toMatchObject({
          Items: "{% $states.input.items %}",
          ItemSelector: { sku: "{% $states.context.Map.Item.Value.sku %}", position: "{% $states.context.Map.Item.Index %}", owner: "{% $states.input.name %}" },
          MaxConcurrency: "{% $states.input.limit %}",
        });
        expect(states["Stop"]).toEqual({ Type: "Fail", Error: "Stopped", Cause: '{% "after " & $string($string($states.input)) %}' });
      } else {
        expect(states["Nap"]).toMatchObject({ SecondsPath: "$.limit" });
        expect(states["Until"]).toMatchObject({ TimestampPath: "$.at" });
        expect(states["Each"]).toMatchObject({
          ItemsPath: "$.items",
          ItemSelector: { "sku.$": "$$.Map.Item.Value.sku", "position.$": "$$.Map.Item.Index", "owner.$": "$.name" },
          MaxConcurrencyPath: "$.limit",
        });
        expect(states["Stop"]).toEqual({ Type: "Fail", Error: "Stopped", CausePath: "States.Format('after {}', States.JsonToString($))" });
      }
    }
  });
});
