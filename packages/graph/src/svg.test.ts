import { describe, expect, it } from "vitest";
import { buildGraphModel } from "./definition-model.ts";
import { layoutDiagram } from "./diagram-layout.ts";
import { summarizeExecution } from "./execution-status.ts";
import { HistoryBuilder } from "./test-fixtures/history-builder.ts";
import { escapeXml, renderSvg, SVG_MARGIN } from "./svg.ts";

const svgOf = (definition: unknown, history?: HistoryBuilder): string => {
  const diagram = layoutDiagram(buildGraphModel(definition));
  return history ? renderSvg(diagram, summarizeExecution(history.events)) : renderSvg(diagram);
};

describe("renderSvg", () => {
  it("sizes the SVG to the layout plus a margin and carries its own stylesheet", () => {
    const definition = { StartAt: "A", States: { A: { Type: "Pass", End: true } } };
    const diagram = layoutDiagram(buildGraphModel(definition));
    const svg = renderSvg(diagram);
    expect(svg).toContain(`width="${Math.ceil(diagram.width + 2 * SVG_MARGIN)}"`);
    expect(svg).toContain("<style>");
    expect(svg).toContain('data-marker="start"');
    expect(svg).toContain('data-marker="end"');
  });

  it("draws each type with its own class and shape: Choice as a hexagon, Succeed and Fail as pills", () => {
    const svg = svgOf({
      StartAt: "C",
      States: { C: { Type: "Choice", Choices: [{ Variable: "$.a", IsNull: true, Next: "S" }], Default: "F" }, S: { Type: "Succeed" }, F: { Type: "Fail" } },
    });
    expect(svg).toMatch(/<g class="node t-choice" data-state="C"[^>]*>\s*<title>[^<]*<\/title>\s*<polygon class="shape"/);
    expect(svg).toMatch(/<g class="node t-succeed" data-state="S"[^>]*>\s*<title>[^<]*<\/title>\s*<rect class="shape" width="[\d.]+" height="([\d.]+)" rx="/);
    expect(svg).toContain('<g class="node t-fail" data-state="F"');
    expect(svg).toContain('<g class="edge-label k-choice"><title>$.a is null</title>');
  });

  it("draws a state with an unknown Type with the neutral style", () => {
    expect(svgOf({ StartAt: "X", States: { X: { Type: "Teleport", End: true } } })).toContain('class="node t-unknown" data-state="X" data-type="Teleport"');
  });

  it("nests container states' blocks inside the container's group", () => {
    const svg = svgOf({
      StartAt: "M",
      States: { M: { Type: "Map", ItemProcessor: { StartAt: "W", States: { W: { Type: "Task", Resource: "x", End: true } } }, End: true } },
    });
    const container = svg.indexOf('data-state="M"');
    const inner = svg.indexOf('data-state="W"');
    expect(container).toBeGreaterThan(0);
    expect(inner).toBeGreaterThan(container);
    expect(svg.slice(container, inner)).toContain('<text class="title"');
    expect(svg.slice(container, inner)).toContain("Item processor");
  });

  it("draws a self-loop (a Catch back to the same state)", () => {
    const svg = svgOf({ StartAt: "T", States: { T: { Type: "Task", Resource: "x", Catch: [{ ErrorEquals: ["Retryable"], Next: "T" }], End: true } } });
    expect(svg).toMatch(/<path class="edge k-catch" data-from="T" data-to="T" data-kind="catch" d="M[\d.]+ [\d.]+ L/);
  });

  it("shows the attempt count of a retried state on a badge and puts the error in the tooltip", () => {
    const history = new HistoryBuilder().task("T", 2, "uncaught", "Boom").fail("Boom", "it broke");
    const svg = svgOf({ StartAt: "T", States: { T: { Type: "Task", Resource: "x", End: true } } }, history);
    expect(svg).toContain('data-status="failed" data-retries="1" data-attempts="2"');
    expect(svg).toMatch(/<g class="badge"><rect [^>]*\/><text [^>]*>↻ 2 attempts<\/text><\/g>/);
    expect(svg).toMatch(/<title>T \(Task\)\nstatus: failed\nattempts: 2 \(1 retry\)\nerror: Boom\ncause: attempt 2 failed<\/title>/);
  });

  it("paints a caught state with its own class, apart from succeeded", () => {
    const history = new HistoryBuilder().task("T", 1, "caught").step("Pass", "H").succeed();
    const svg = svgOf({ StartAt: "T", States: { T: { Type: "Task", Resource: "x", Catch: [{ ErrorEquals: ["States.ALL"], Next: "H" }], End: true }, H: { Type: "Pass", End: true } } }, history);
    expect(svg).toContain('class="node t-task s-caught" data-state="T"');
    expect(svg).toContain('class="node t-pass s-succeeded" data-state="H"');
    expect(svg).toMatch(/\.s-caught > \.shape \{ fill: #[0-9a-f]{6}/);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials and nothing else", () => {
    expect(escapeXml(`<a href="x">'&'</a> ✓`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ✓");
  });
});
