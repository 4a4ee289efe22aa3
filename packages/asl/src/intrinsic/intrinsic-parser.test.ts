import { describe, expect, it } from "vitest";
import type { IntrinsicCall } from "./intrinsic-ast.ts";
import { looksLikeIntrinsic, parseIntrinsic } from "./intrinsic-parser.ts";

function call(text: string): IntrinsicCall {
  const result = parseIntrinsic(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message} @${result.error.offset}`);
  return result.value;
}

function errorOf(text: string): { message: string; offset: number } {
  const result = parseIntrinsic(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.error;
}

describe("looksLikeIntrinsic", () => {
  it("is true only for texts starting with States.", () => {
    expect(looksLikeIntrinsic("States.Array()")).toBe(true);
    expect(looksLikeIntrinsic("$.States")).toBe(false);
    expect(looksLikeIntrinsic(" States.Array()")).toBe(false);
  });
});

describe("parseIntrinsic", () => {
  it("parses calls without arguments", () => {
    expect(call("States.UUID()")).toEqual({ name: "States.UUID", args: [], offset: 0 });
    expect(call("States.Array( )").args).toEqual([]);
  });

  it("parses every argument kind with offsets", () => {
    const parsed = call("States.Array('a', -1.5e1, true, false, null, $.x, $$.Execution.Id, $v.y, States.UUID())");
    expect(parsed.args.map((a) => a.kind)).toEqual(["string", "number", "boolean", "boolean", "null", "path", "path", "path", "call"]);
    expect(parsed.args[0]).toEqual({ kind: "string", value: "a", raw: "a", offset: 13 });
    expect(parsed.args[1]).toEqual({ kind: "number", value: -15, offset: 18 });
    expect(parsed.args[5]).toMatchObject({ kind: "path", path: { text: "$.x", root: { kind: "input" } }, offset: 45 });
    expect(parsed.args[6]).toMatchObject({ path: { root: { kind: "context" } } });
    expect(parsed.args[7]).toMatchObject({ path: { root: { kind: "variable", name: "v" } } });
  });

  it("parses the nested call from the recorded case", () => {
    const parsed = call("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)");
    expect(parsed.args[0]).toMatchObject({ kind: "call", call: { name: "States.StringSplit", offset: 20 } });
  });

  it("parses paths with brackets, filters and quotes as arguments", () => {
    const parsed = call("States.Array($['a,b'], $.items[?(@.x == 'y')], $.l[0,1])");
    expect(parsed.args.map((a) => a.kind === "path" && a.path.text)).toEqual(["$['a,b']", "$.items[?(@.x == 'y')]", "$.l[0,1]"]);
  });

  it("resolves the escapes AWS allows and keeps the raw text", () => {
    const parsed = call("States.Format('It\\'s \\{\\} \\\\ {}', 1)");
    expect(parsed.args[0]).toEqual({ kind: "string", value: "It's {} \\ {}", raw: "It\\'s \\{\\} \\\\ {}", offset: 14 });
  });

  it("keeps double quotes and unescaped braces inside strings", () => {
    expect(call(`States.StringToJson('{"a":1}')`).args[0]).toMatchObject({ value: '{"a":1}' });
  });

  it("rejects escapes AWS rejects (ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2)", () => {
    const error = errorOf(`States.Format('He said, \\"Hello, {}!\\"', 'Test \\"Name\\" Here')`);
    expect(error.offset).toBe(24);
    expect(error.message).toContain("Invalid escape");
    expect(errorOf("States.Format('a\\nb')").message).toContain("Invalid escape '\\n'");
  });

  it("reports precise syntax errors", () => {
    expect(errorOf("States.Format('abc")).toEqual({ message: "Unterminated string argument: expected a closing '", offset: 14 });
    expect(errorOf("States.Array(1 2)")).toEqual({ message: "Expected ',' or ')' in the arguments of States.Array but found '2'", offset: 15 });
    expect(errorOf("States.Array(1,)").offset).toBe(15);
    expect(errorOf("States.Array")).toEqual({ message: "Expected '(' after 'States.Array' but found the end of the text", offset: 12 });
    expect(errorOf("States.(1)").offset).toBe(7);
    expect(errorOf("States.Array(1) x")).toEqual({ message: "Unexpected 'x' after the end of the call", offset: 16 });
    expect(errorOf("States.Array(foo)").offset).toBe(13);
    expect(errorOf("States.Array($.)").offset).toBe(15);
    expect(errorOf("Foo.Bar()").offset).toBe(0);
    expect(errorOf("States.Array(trueish)").offset).toBe(13);
  });

  it("allows 10 levels of nesting and rejects 11", () => {
    const nest = (depth: number): string => (depth === 1 ? "States.Array()" : `States.Array(${nest(depth - 1)})`);
    expect(parseIntrinsic(nest(10)).ok).toBe(true);
    expect(errorOf(nest(11))).toEqual({ message: "Intrinsic functions can be nested at most 10 deep", offset: 130 });
  });
});
