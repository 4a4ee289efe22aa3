// The layered layout's readability on the whole real-world corpus, measured like the layout
// comparison measures it (scripts/compare-layouts.ts): no edge drawn through a box it does not
// connect, and at most a handful of crossings (dagre makes 8 on the same corpus).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraphModel } from "../src/definition-model.ts";
import { layoutDiagram } from "../src/diagram-layout.ts";
import { measureLayout } from "../scripts/layout-metrics.ts";

const CORPUS = resolve(import.meta.dirname, "../../../testdata/corpus/realworld");
const measured = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".asl.json"))
  .sort()
  .map((file) => ({ file, metrics: measureLayout(layoutDiagram(buildGraphModel(JSON.parse(readFileSync(join(CORPUS, file), "utf8"))))) }));

describe("layered layout on the corpus", () => {
  it("never draws an edge through a box: a long edge runs straight down past the boxes of each rank it crosses", () => {
    expect(measured.filter((m) => m.metrics.edgesThroughNodes > 0).map((m) => m.file)).toEqual([]);
  });

  it("keeps crossings to at most 6 over the corpus: ordering sweeps break ties both ways", () => {
    const total = measured.reduce((sum, m) => sum + m.metrics.crossings, 0);
    expect(total).toBeLessThanOrEqual(6);
  });
});
