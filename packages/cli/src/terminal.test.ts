import { describe, expect, it } from "vitest";
import { main } from "./main.ts";
import { colorsFor, terminalColors, terminalProgress } from "./terminal.ts";
import type { CliIo } from "./io.ts";

describe("terminalColors", () => {
  it("colours a terminal's stdout, never a pipe's", () => {
    expect(terminalColors({}, true)).toBe(true);
    expect(terminalColors({}, false)).toBe(false);
  });
  it("honours NO_COLOR, TERM=dumb and FORCE_COLOR", () => {
    expect(terminalColors({ NO_COLOR: "1" }, true)).toBe(false);
    expect(terminalColors({ NO_COLOR: "" }, true)).toBe(true);
    expect(terminalColors({ TERM: "dumb" }, true)).toBe(false);
    expect(terminalColors({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(terminalColors({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(terminalColors({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
  });
});

describe("terminalProgress", () => {
  it("rewrites one line on a terminal and writes nothing elsewhere", () => {
    let written = "";
    const tty = terminalProgress({ isTTY: true, write: (t: string) => (written += t) });
    tty.progress?.("validating 1/2");
    expect(written).toBe("\r\u001b[2Kvalidating 1/2");
    expect(terminalProgress({ isTTY: false, write: () => true }).progress).toBeUndefined();
  });
});

describe("colour in command output", () => {
  const capture = (color: boolean): CliIo & { stdout: () => string } => {
    let out = "";
    return { cwd: process.cwd(), color, out: (s) => void (out += s), err: () => undefined, stdout: () => out };
  };
  const file = new URL("./compile/fixtures/invalid-workflow.ts", import.meta.url).pathname;

  it("colours severities when asked, and --json never", async () => {
    const coloured = capture(true);
    await main(["validate", file], coloured);
    expect(coloured.stdout()).toContain(colorsFor({ color: true }).red("error"));
    const json = capture(true);
    await main(["validate", "--json", file], json);
    expect(json.stdout()).not.toContain("\u001b[");
    JSON.parse(json.stdout());
    const plain = capture(false);
    await main(["validate", file], plain);
    expect(plain.stdout()).not.toContain("\u001b[");
  });
});
