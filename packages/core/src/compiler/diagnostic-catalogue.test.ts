// Every code the builder and compiler report is in the builder's table (docs/builder.md) and named
// in the diagnostics catalogue (docs/diagnostics.md), so a new code cannot ship undocumented.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORE_DIAGNOSTIC_CODES } from "../index.ts";

const docs = (page: string): string => readFileSync(new URL(`../../../../docs/${page}`, import.meta.url), "utf8");

describe("the catalogue of builder diagnostics", () => {
  it("has a row for every code in docs/builder.md", () => {
    const rows = new Set([...docs("builder.md").matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    expect(CORE_DIAGNOSTIC_CODES.filter((code) => !rows.has(code))).toEqual([]);
  });

  it("names every code in docs/diagnostics.md", () => {
    const page = docs("diagnostics.md");
    expect(CORE_DIAGNOSTIC_CODES.filter((code) => !page.includes(`\`${code}\``))).toEqual([]);
  });
});
