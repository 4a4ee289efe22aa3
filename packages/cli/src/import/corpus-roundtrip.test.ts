import { resolve } from "node:path";
// The import promise: every valid real-world definition imports and compiles back to an
// equivalent definition. All files go through one process and one esbuild service.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";

const corpus = resolve(import.meta.dirname, "../../../../testdata/corpus/realworld") + "/";
const manifest = JSON.parse(readFileSync(`${corpus}manifest.json`, "utf8")) as { entries: { file: string; expected: { validity: string } }[] };
const valid = manifest.entries.filter((e) => e.expected.validity === "valid").map((e) => e.file);

describe("stepcraft import --check-roundtrip on the real-world corpus", () => {
  it("covers the 174 definitions the manifest calls valid", () => {
    expect(valid).toHaveLength(174);
  });

  it("round-trips every valid definition", { timeout: 60_000 }, async () => {
    let out = "";
    let err = "";
    const io: CliIo = { cwd: corpus, out: (s) => void (out += s), err: (s) => void (err += s) };
    const code = await main(["import", "--check-roundtrip", "--json", ...valid], io);
    const reports = JSON.parse(out) as { file: string; ok: boolean; diff?: string[] }[];
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(reports).toHaveLength(174);
    expect(code).toBe(0);
    expect(err).toContain("importing 174/174");
  });
});
