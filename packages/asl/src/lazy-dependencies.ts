// The validator parses JSONata expressions with the `jsonata` package and the editor schema is
// written in zod; a definition without JSONata, validated by a program that never asks for the
// JSON Schema, needs neither. They are loaded on first use, not with the package, so that
// importing @stepcraft/asl (and the runtime, which validates every definition it prepares)
// leaves about 20 MB of a process's memory untouched (docs/performance.md, "Memory").
// `require` loads synchronously, so the APIs that need them stay synchronous: jsonata is
// CommonJS, and zod ships CommonJS next to its ES modules (its objects never leave this package).
import { createRequire } from "node:module";
import type Jsonata from "jsonata";
import type * as Zod from "zod";

const load = createRequire(import.meta.url);
let jsonata: typeof Jsonata | undefined;
let zod: typeof Zod | undefined;

/** The jsonata package (used here for its parser only). */
export function jsonataModule(): typeof Jsonata {
  return (jsonata ??= load("jsonata") as typeof Jsonata);
}

/** The zod package (the editor schema, schema/asl-schema.ts). */
export function zodModule(): typeof Zod {
  return (zod ??= load("zod") as typeof Zod);
}
