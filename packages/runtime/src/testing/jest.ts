// `import "@stepcraft/runtime/jest"` (in a test file, or listed in jest's `setupFilesAfterEnv`)
// registers the stepcraft matchers with jest's global expect and types them for @types/jest.
// It takes jest's expect from the global scope, as jest provides it to test and setup files, so
// jest itself is not imported (and works in CommonJS and ESM test files alike).
import { stepcraftMatchers, type ExpectedInspection, type StepcraftMatchers } from "./matchers.ts";
// Workflow coverage: records only when the jest coverage reporter (@stepcraft/runtime/jest-coverage-reporter) runs.
import "./coverage-jest.ts";

declare global {
  namespace jest {
    // The type parameters must repeat @types/jest's own declaration for the interfaces to merge.
    interface Matchers<R, T = {}> extends StepcraftMatchers<R> {}
  }
}

/** What this entry needs of jest's global `expect`. */
interface ExtensibleExpect {
  extend(matchers: Record<string, unknown>): void;
}

function globalExpect(): ExtensibleExpect {
  const candidate = (globalThis as { expect?: unknown }).expect;
  if (typeof candidate !== "function" || typeof (candidate as Partial<ExtensibleExpect>).extend !== "function") {
    throw new Error(
      "@stepcraft/runtime/jest found no jest `expect` in the global scope. Import it from a jest test file, or list it in " +
        "jest's setupFilesAfterEnv; with vitest, import @stepcraft/runtime/vitest instead.",
    );
  }
  return candidate as unknown as ExtensibleExpect;
}

globalExpect().extend(stepcraftMatchers);

export { stepcraftMatchers, type ExpectedInspection, type StepcraftMatchers };
