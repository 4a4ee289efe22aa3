import { describe, expect, it } from "vitest";
import { parseDefinition } from "../parse-definition.ts";
import { validateDefinition } from "./validate-definition.ts";
import { checkDefinitionTextSize, MAX_DEFINITION_BYTES } from "./definition-size.ts";

/** A valid definition whose compact JSON is about `bytes` long. */
function definitionOf(bytes: number, char = "x"): Record<string, unknown> {
  return { StartAt: "P", States: { P: { Type: "Pass", Result: char.repeat(bytes), End: true } } };
}

describe("one definition size limit, for text and objects", () => {
  it("reports DEFINITION_TOO_LARGE (alone) for an object over 1 MiB of JSON", () => {
    const diagnostics = validateDefinition(definitionOf(MAX_DEFINITION_BYTES));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "DEFINITION_TOO_LARGE", path: "", severity: "error" });
    expect(diagnostics[0]?.message).toMatch(/up to 1048576 bytes/);
  });

  it("reports DEFINITION_TOO_LARGE for text over 1 MiB before parsing it", () => {
    const result = parseDefinition(JSON.stringify(definitionOf(50 * 1024 * 1024)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.code)).toEqual(["DEFINITION_TOO_LARGE"]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 400,000 three-byte characters: 1.2 MB of UTF-8 in 400,000 UTF-16 units.
    expect(validateDefinition(definitionOf(400_000, "€")).map((d) => d.code)).toEqual(["DEFINITION_TOO_LARGE"]);
    // 300,000 four-byte characters (surrogate pairs): 1.2 MB in 600,000 units.
    expect(checkDefinitionTextSize("😀".repeat(300_000))?.code).toBe("DEFINITION_TOO_LARGE");
    expect(checkDefinitionTextSize("😀".repeat(262_000))).toBeUndefined();
  });

  it("accepts a definition just under the limit", () => {
    expect(validateDefinition(definitionOf(MAX_DEFINITION_BYTES - 200))).toEqual([]);
  });

  it("hands the compact JSON text it measured to onDefinitionText, and none for a definition nested too deeply", () => {
    const texts: string[] = [];
    const definition = definitionOf(10);
    expect(validateDefinition(definition, { onDefinitionText: (text) => texts.push(text) })).toEqual([]);
    expect(texts).toEqual([JSON.stringify(definition)]);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    const tooDeep = { StartAt: "P", States: { P: { Type: "Pass", Result: deep, End: true } } };
    expect(validateDefinition(tooDeep, { onDefinitionText: (text) => texts.push(text) }).map((d) => d.code)).toEqual(["TOO_DEEPLY_NESTED"]);
    expect(texts).toHaveLength(1);
  });
});
