import { readFileSync } from "node:fs";
import { runCase } from "./packages/runtime/src/conformance/run-case.ts";
import { historyMatches } from "./packages/runtime/src/conformance/compare.ts";
import { sortAsRecorded } from "./packages/runtime/src/conformance/recorded-parallel-order.ts";
import { handlerFromSource } from "./packages/runtime/scripts/lambda-source.ts";
async function main() {
const cs = JSON.parse(readFileSync("testdata/conformance/cases.json","utf8"));
for (const c of cs) { if (!c.history) continue; const a = await runCase(c, handlerFromSource); if (historyMatches(c,a)===false) { console.log(c.id); console.log(" exp", c.history.join(" ")); console.log(" got", (c.historyNote? sortAsRecorded(a.history!):a.history!).join(" ")); } }
}
main();
