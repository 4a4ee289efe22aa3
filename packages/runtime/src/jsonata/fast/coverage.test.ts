import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fastPathCoverage, jsonataExpressionsOf } from "./coverage.ts";

const pass = (output: unknown) => ({ StartAt: "P", States: { P: { Type: "Pass", QueryLanguage: "JSONata", Output: output, End: true } } });

describe("fastPathCoverage", () => {
  it("counts every expression occurrence and lists the ones outside the fast subset once", () => {
    const coverage = fastPathCoverage([
      pass({ a: "{% $states.input.a %}", b: ["{% $random() %}", "{%$random()%}"], c: "plain", d: " {% $x %} " }),
      pass("{% $states.input.a + 1 %}"),
    ]);
    expect(coverage).toEqual({ expressions: 4, fast: 2, outside: ["$random()"] });
  });

  it("counts nothing in definitions without JSONata, and survives any JSON value", () => {
    expect(fastPathCoverage([null, 1, "x", [], {}, { "{% $k %}": 1 }])).toEqual({ expressions: 0, fast: 0, outside: [] });
  });

  it("lists unparsable expressions as outside (JSONata reports their syntax error)", () => {
    expect(fastPathCoverage([pass("{% $states.input. %}")]).outside).toEqual(["$states.input."]);
  });

  it("finds expressions at any depth, in document order", () => {
    expect(jsonataExpressionsOf({ a: ["{% 1 %}", { b: "{% 2 %}" }], c: "{% 3 %}" })).toEqual(["1", "2", "3"]);
  });

  it("covers every expression of the bench's JSONata twins", () => {
    const dir = new URL("../../../../../bench/workloads-jsonata/", import.meta.url);
    const files = ["a_pass_chain_200", "b_map_10k_c0", "c_choice_loop_5k", "d_parallel_10x20", "e_intrinsics_50"];
    const coverage = fastPathCoverage(files.map((name) => JSON.parse(readFileSync(new URL(`${name}.jsonata.asl.json`, dir), "utf8")) as unknown));
    expect(coverage.outside).toEqual([]);
    expect(coverage.fast).toBe(coverage.expressions);
    expect(coverage.expressions).toBeGreaterThan(300);
  });
});
