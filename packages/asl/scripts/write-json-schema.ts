// Writes packages/asl/schema/asl.schema.json from the zod schema. Run: npm run schema
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { aslJsonSchemaText } from "../src/schema/json-schema.ts";

const target = resolve(dirname(fileURLToPath(import.meta.url)), "../schema/asl.schema.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, aslJsonSchemaText());
console.log(`wrote ${target}`);
