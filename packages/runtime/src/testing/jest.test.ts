import { afterEach, describe, expect, test, vi } from "vitest";
import { stepcraftMatchers } from "./matchers.ts";

// The entry registers on import, so each test loads a fresh copy of the module.
afterEach(() => {
  vi.resetModules();
  delete (globalThis as { expect?: unknown }).expect;
});

describe("@stepcraft/runtime/jest", () => {
  test("extends jest's global expect with every stepcraft matcher", async () => {
    const extend = vi.fn();
    (globalThis as { expect?: unknown }).expect = Object.assign(() => undefined, { extend });
    await import("./jest.ts");
    expect(extend).toHaveBeenCalledTimes(1);
    expect(Object.keys(extend.mock.calls[0]?.[0] as object).sort()).toEqual(Object.keys(stepcraftMatchers).sort());
  });

  test("outside jest it says where to import it from instead of failing later", async () => {
    await expect(import("./jest.ts")).rejects.toThrow(/no jest `expect` in the global scope.*setupFilesAfterEnv.*@stepcraft\/runtime\/vitest/);
  });
});
