import { describe, expect, it } from "vitest";
import { textWidth, wrapText } from "./text-measure.ts";

describe("textWidth", () => {
  it("grows with length and gives wide glyphs a full em", () => {
    expect(textWidth("abcd", 10)).toBeGreaterThan(textWidth("ab", 10));
    expect(textWidth("注文", 10)).toBe(20);
    expect(textWidth("", 13)).toBe(0);
  });
});

describe("wrapText", () => {
  it("keeps short text on one line", () => {
    expect(wrapText("Charge card", 13, 176, 3)).toEqual(["Charge card"]);
  });

  it("breaks at spaces and keeps every line within the width", () => {
    const lines = wrapText("Send the monthly invoice to the customer by email", 13, 120, 5);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(120);
    expect(lines.join(" ")).toBe("Send the monthly invoice to the customer by email");
  });

  it("breaks a word that is longer than a line", () => {
    const lines = wrapText("x".repeat(60), 13, 100, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("x".repeat(60));
  });

  it("ends with an ellipsis when the text needs more lines than allowed", () => {
    const lines = wrapText("one two three four five six seven eight nine ten eleven twelve", 13, 60, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(textWidth(lines[1] ?? "", 13)).toBeLessThanOrEqual(60);
  });

  it("collapses whitespace and newlines, and returns one empty line for empty text", () => {
    expect(wrapText("a\n\n  b", 13, 176, 3)).toEqual(["a b"]);
    expect(wrapText("", 13, 176, 3)).toEqual([""]);
  });
});
