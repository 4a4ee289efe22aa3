import { describe, expect, it } from "vitest";
import type { DiagramBlock, DiagramEdge, DiagramNode } from "../src/diagram-layout.ts";
import { measureLayout } from "../scripts/layout-metrics.ts";

const node = (name: string, x: number, y: number, blocks: DiagramBlock[] = []): DiagramNode => ({ kind: "state", name, type: "Pass", x, y, width: 20, height: 20, lines: [name], blocks });
const edge = (from: string, to: string, points: [number, number][]): DiagramEdge => ({
  kind: "next",
  from,
  to,
  points: points.map(([x, y]) => ({ x, y })),
  back: false,
  selfLoop: false,
  labelLines: [],
});
const block = (nodes: DiagramNode[], edges: DiagramEdge[], width = 100, height = 50): DiagramBlock => ({ title: "", x: 0, y: 0, width, height, contentX: 0, contentY: 0, nodes, edges });

describe("measureLayout", () => {
  it("counts two edges that cross as one crossing, and edges meeting at a shared node as none", () => {
    const crossing = block([], [edge("A", "D", [[0, 0], [10, 10]]), edge("B", "C", [[10, 0], [0, 10]])]);
    expect(measureLayout(crossing).crossings).toBe(1);
    const meeting = block([], [edge("A", "B", [[0, 0], [10, 10]]), edge("B", "C", [[10, 10], [20, 0]])]);
    expect(measureLayout(meeting).crossings).toBe(0);
  });

  it("sums edge length and gives the area of the whole drawing", () => {
    const metrics = measureLayout(block([], [edge("A", "B", [[0, 0], [3, 4], [3, 14]])], 40, 30));
    expect(metrics.edgeLength).toBe(15);
    expect(metrics.area).toBe(1200);
  });

  it("counts an edge drawn through a box it does not connect, not one that ends at its own boxes", () => {
    const nodes = [node("A", 0, 0), node("B", 0, 40), node("C", 0, 80)];
    const through = block(nodes, [edge("A", "C", [[10, 20], [10, 80]])]);
    expect(measureLayout(through).edgesThroughNodes).toBe(1);
    const beside = block(nodes, [edge("A", "C", [[10, 20], [30, 40], [10, 80]])]);
    expect(measureLayout(beside).edgesThroughNodes).toBe(0);
  });

  it("measures the blocks nested in container states too", () => {
    const inner: DiagramBlock = block([], [edge("X", "W", [[0, 0], [10, 10]]), edge("Y", "Z", [[10, 0], [0, 10]])]);
    const metrics = measureLayout(block([node("Map", 0, 0, [inner])], []));
    expect(metrics.crossings).toBe(1);
    expect(metrics.edgeLength).toBeCloseTo(2 * Math.hypot(10, 10));
  });
});
