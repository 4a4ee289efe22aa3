// Property tests: no mutation of a real definition, and no text, makes the parser, the validator
// or the pointer locator throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonPointer, parseDefinition, validateDefinition } from "../src/index.ts";
import { readCorpusManifest, readCorpusText } from "./shared-data.ts";

const corpusTexts = readCorpusManifest().map((entry) => readCorpusText(entry.file));
const corpusValues: unknown[] = corpusTexts.map((text) => JSON.parse(text) as unknown);

type Container = Record<string, unknown> | unknown[];

/** Every object/array inside a value, with the keys it holds (for picking mutation sites). */
function containersOf(root: unknown): Container[] {
  const found: Container[] = [];
  const stack: unknown[] = [root];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (typeof value !== "object" || value === null) continue;
    found.push(value as Container);
    stack.push(...Object.values(value));
  }
  return found;
}

function deepValue(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { Type: "Map", nested: value } : [value];
  return value;
}

const weirdValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    -1,
    0,
    1.5,
    1e308,
    "",
    "${ProcessFunctionArn}",
    "{%",
    "{% %}",
    "{% $states.result %}",
    "{% $ %}",
    "$..*",
    "$$",
    "States.Format(",
    "States.Nope(1)",
    "States.ALL",
    "Iterator",
    "JSONata",
    "DISTRIBUTED",
    "2016-13-05T21:29:29Z",
    [],
    {},
    [[[]]],
    { Type: "Parallel", Branches: [] },
    { Type: "Map", Iterator: { StartAt: "x", States: { x: { Type: "Succeed" } } }, End: true },
    { "a.$": "$.x", a: 1 },
    { StartAt: "Iterator", States: { Iterator: { Type: "Pass", End: true } } },
  ),
  fc.integer({ min: 0, max: 300 }).map(deepValue),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string(),
);

const mutation = fc.record({
  site: fc.nat(),
  key: fc.nat(),
  kind: fc.constantFrom("delete", "replace", "retype", "rename", "add"),
  value: weirdValue,
  newKey: fc.oneof(fc.constantFrom("Type", "Next", "End", "Iterator", "ItemProcessor", "States", "StartAt", "Parameters", "x.$", "QueryLanguage", "Default", "toString", "constructor", "hasOwnProperty"), fc.string()),
});

function applyMutation(root: unknown, step: { site: number; key: number; kind: string; value: unknown; newKey: string }): unknown {
  const containers = containersOf(root);
  if (containers.length === 0) return step.value;
  const target = containers[step.site % containers.length] as Record<string, unknown>;
  const keys = Object.keys(target);
  const key = keys.length === 0 ? step.newKey : (keys[step.key % keys.length] ?? step.newKey);
  switch (step.kind) {
    case "delete":
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      break;
    case "replace":
      target[key] = step.value;
      break;
    case "retype":
      target[key] = typeof target[key] === "string" ? 42 : typeof target[key] === "number" ? "42" : Array.isArray(target[key]) ? {} : [target[key]];
      break;
    case "rename":
      if (!Array.isArray(target) && key in target) {
        target[step.newKey] = target[key];
        delete target[key];
      }
      break;
    case "add":
      if (!Array.isArray(target)) target[step.newKey] = step.value;
      else target.push(step.value);
      break;
  }
  return root;
}

describe("robustness", () => {
  it("validateDefinition and parseDefinition never throw on mutated corpus definitions", () => {
    fc.assert(
      fc.property(fc.nat({ max: corpusValues.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom("STANDARD", "EXPRESS"), (index, steps, type) => {
        let value = structuredClone(corpusValues[index]);
        for (const step of steps) value = applyMutation(value, step);
        const diagnostics = validateDefinition(value, { stateMachineType: type as "STANDARD" | "EXPRESS" });
        expect(Array.isArray(diagnostics)).toBe(true);
        for (const d of diagnostics) {
          expect(typeof d.code).toBe("string");
          expect(d.message.length).toBeGreaterThan(0);
        }
        const text = JSON.stringify(value) ?? "null";
        const parsed = parseDefinition(text);
        expect(typeof parsed.ok).toBe("boolean");
        for (const d of diagnostics) locateJsonPointer(text, d.path);
      }),
      { numRuns: 400 },
    );
  });

  it("parseDefinition and locateJsonPointer never throw on arbitrary or truncated text", () => {
    fc.assert(
      fc.property(fc.nat({ max: corpusTexts.length - 1 }), fc.nat(), fc.string(), fc.string(), (index, cut, noise, pointer) => {
        const source = corpusTexts[index] ?? "";
        const text = source.slice(0, cut % (source.length + 1)) + noise;
        const parsed = parseDefinition(text);
        if (!parsed.ok) expect(parsed.diagnostics.length).toBeGreaterThan(0);
        locateJsonPointer(text, pointer);
        locateJsonPointer(text, `/${pointer}`);
        locateJsonPointer(source, "/States/" + pointer);
      }),
      { numRuns: 400 },
    );
  });

  it("copes with cyclic and very deep objects handed in directly", () => {
    const cyclic: Record<string, unknown> = { StartAt: "A", States: {} };
    (cyclic["States"] as Record<string, unknown>)["A"] = cyclic;
    expect(validateDefinition(cyclic).map((d) => d.code)).toContain("TOO_DEEPLY_NESTED");
    const deep = { StartAt: "A", States: { A: { Type: "Pass", Result: deepValue(100_000), End: true } } };
    expect(validateDefinition(deep).map((d) => d.code)).toEqual(["TOO_DEEPLY_NESTED"]);
    const deepText = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(locateJsonPointer(deepText, "/0/0/0")).toEqual({ line: 1, column: 4 });
  });
});
