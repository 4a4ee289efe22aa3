// Dependencies that most runs never touch, loaded on first use rather than with the package:
// `import "@stepcraft/runtime"` then costs a process a fraction of the memory (docs/performance.md,
// "Memory"). jsonata (about 11 MB of RSS once loaded) only parses JSONata expressions; zod (about
// 12 MB) only checks mock configs and saved coverage. `require` loads them synchronously, so the
// APIs that need them stay synchronous: jsonata is CommonJS, and zod ships CommonJS next to its
// ES modules (none of its objects leave this package, so which copy runs makes no difference).
import { createRequire } from "node:module";
import type Jsonata from "jsonata";
import type * as Zod from "zod";

const load = createRequire(import.meta.url);

let jsonata: typeof Jsonata | undefined;
let zod: typeof Zod | undefined;

/** The `jsonata` package (its parser and general evaluator), loaded on the first call. */
export function jsonataModule(): typeof Jsonata {
  return (jsonata ??= load("jsonata") as typeof Jsonata);
}

/** The `zod` package, loaded on the first call. */
export function zodModule(): typeof Zod {
  return (zod ??= load("zod") as typeof Zod);
}
