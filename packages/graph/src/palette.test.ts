import { describe, expect, it } from "vitest";
import { contrastRatio, PALETTE } from "./palette.ts";
import { SVG_STYLE } from "./svg.ts";

const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;

describe("contrastRatio", () => {
  it("computes the WCAG ratio: black on white is 21, a colour on itself 1, either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("rejects anything but #rrggbb", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/not a #rrggbb colour: red/);
  });
});

describe("the diagram's colours pass WCAG AA", () => {
  const fills: [string, string][] = [
    ...Object.entries(PALETTE.types).map(([type, c]): [string, string] => [`type ${type}`, c.fill]),
    ...Object.entries(PALETTE.statuses).map(([status, c]): [string, string] => [`status ${status}`, c.fill]),
    ...Object.entries(PALETTE.containerTints).map(([status, fill]): [string, string] => [`container ${status}`, fill]),
  ];

  it("state names and TYPE captions on every type and status fill: 4.5:1", () => {
    const failing = fills.flatMap(([where, fill]) =>
      [
        ["name", PALETTE.text],
        ["caption", PALETTE.caption],
      ]
        .map(([what, text]) => ({ pair: `${what} ${text} on ${where} ${fill}`, ratio: contrastRatio(text ?? "", fill) }))
        .filter((p) => p.ratio < AA_TEXT),
    );
    expect(failing).toEqual([]);
  });

  it("the muted text of a state not reached: 4.5:1 on its fill", () => {
    expect(contrastRatio(PALETTE.mutedText, PALETTE.statuses["not-visited"].fill)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it("badge, Start/End markers, edge labels and outcome pills: 4.5:1", () => {
    const pills = {
      badge: PALETTE.badge,
      marker: PALETTE.marker,
      edgeLabel: PALETTE.edgeLabel,
      catchLabel: PALETTE.catchLabel,
      ...Object.fromEntries(Object.entries(PALETTE.outcomes).map(([o, c]) => [`outcome ${o}`, c])),
    };
    const failing = Object.entries(pills)
      .map(([where, c]) => ({ where, ratio: contrastRatio(c.text, c.fill) }))
      .filter((p) => p.ratio < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it("the focus ring stands out from the white page: 3:1 (non-text contrast)", () => {
    expect(contrastRatio(PALETTE.focus, "#ffffff")).toBeGreaterThanOrEqual(AA_NON_TEXT);
  });

  it("the stylesheet is made from this palette", () => {
    for (const c of Object.values(PALETTE.statuses)) expect(SVG_STYLE).toContain(`fill: ${c.fill}; stroke: ${c.stroke};`);
    expect(SVG_STYLE).toContain(`.sc-graph .badge rect { fill: ${PALETTE.badge.fill}; }`);
    expect(SVG_STYLE).toContain(`.sc-graph .s-not-visited > text { fill: ${PALETTE.mutedText}; }`);
  });
});
