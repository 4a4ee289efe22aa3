// `fn.format` takes one argument per `{}` of its template: a missing or extra argument used to
// compile to `$string(null)` or be dropped without a word.
import { describe, expect, expectTypeOf, it } from "vitest";
import { fn, typeOnly, workflow } from "../index.ts";
import type { FormatArg, FormatArgs } from "../index.ts";

const flow = workflow("Format", { input: typeOnly<{ readonly id: string; readonly n: number; readonly label: string }>() });

describe("fn.format arity", () => {
  it("types one argument per {} of a literal template", () => {
    expectTypeOf<FormatArgs<"claim {} of {}">>().toEqualTypeOf<[FormatArg, FormatArg]>();
    expectTypeOf<FormatArgs<"no placeholders">>().toEqualTypeOf<[]>();
    expectTypeOf<FormatArgs<"{}{}{}">>().toEqualTypeOf<[FormatArg, FormatArg, FormatArg]>();
    expectTypeOf<FormatArgs<string>>().toEqualTypeOf<readonly FormatArg[]>();
  });

  it("refuses too few and too many arguments", () => {
    flow.pass("Ok", { output: ($) => ({ s: fn.format("claim {} of {}", $.input.id, $.input.n) }) });
    expect(() =>
      // @ts-expect-error - two {} but one argument
      flow.pass("Few", { output: ($) => ({ s: fn.format("claim {} of {}", $.input.id) }) }),
    ).toThrow(/fn\.format\("claim \{\} of \{\}"\) has 2 \{\} but 1 argument \(packages\/core\/src\/builder\/format-arity\.test\.ts:\d+\); pass one argument per \{\}/);
    expect(() =>
      // @ts-expect-error - no {} but an argument
      flow.pass("Many", { output: ($) => ({ s: fn.format("claim", $.input.id) }) }),
    ).toThrow(/has 0 \{\} but 1 argument/);
  });

  it("checks a template only known as a string when the workflow is built", () => {
    const template: string = ["a {}", "b {}"].join(" ");
    expect(() => flow.pass("Dynamic", { output: ($) => ({ s: fn.format(template, $.input.id) }) })).toThrow(/has 2 \{\} but 1 argument/);
    expect(flow.startWith(flow.pass("Fine", { output: ($) => ({ s: fn.format(template, $.input.id, $.input.label) }) })).compile().diagnostics).toEqual([]);
  });
});
