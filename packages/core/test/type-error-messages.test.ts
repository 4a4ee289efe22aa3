// What a user reads when a workflow does not type-check: the most common mistakes, compiled with
// the repository's tsc, each with the message it must show. Branded `StepcraftTypeError<"…">`
// messages are ours; the rest are TypeScript's own, kept readable by the builder's types.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeStandaloneProject } from "../scripts/standalone-project.ts";

const coreDir = fileURLToPath(new URL("../", import.meta.url));
const repoDir = join(coreDir, "../..");

const PRELUDE = `import { fail, lambda, states, succeed, typeOnly, workflow } from "@stepcraft/core";
import type { Timestamp } from "@stepcraft/core";
interface ChargeInput { readonly orderId: string; readonly amount: number }
const charge = lambda("Charge", { entry: "./charge.ts", handler: async () => async (event: ChargeInput) => ({ approved: event.amount < 100 }) });
class OutOfStock extends Error {}
const reserve = lambda("ReserveStock", { entry: "./reserve.ts", handler: async () => async (event: { readonly sku: string }) => ({ id: event.sku }), errors: ["OutOfStock"] as const });
void OutOfStock;
const flow = workflow("Orders", { input: typeOnly<{ readonly orderId: string; readonly total: number; readonly sku: string; readonly note?: string; readonly at: Timestamp }>() });
const reserving = flow.task("Reserve", reserve, { arguments: ($) => ({ sku: $.input.sku }) });
const remembered = flow.pass("Remember", { assign: ($) => ({ total: $.input.total }) });
void fail; void states; void succeed; void reserving; void remembered;
`;

interface Mistake {
  readonly name: string;
  readonly code: string;
  /** Text the first diagnostic on the mistake's line must contain. */
  readonly says: readonly string[];
}

const MISTAKES: readonly Mistake[] = [
  {
    name: "a task argument of the wrong type",
    code: `flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId, amount: $.input.orderId }) });`,
    says: ["Type 'symbol & StringRef<string>' is not assignable to type 'Template<number>'"],
  },
  {
    name: "a missing task argument",
    code: `flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) });`,
    says: ["Property 'amount' is missing"],
  },
  {
    name: "a task without arguments whose state input does not fit",
    code: `flow.task("Charge", charge);`,
    says: [`StepcraftTypeError<"the state input does not match the task's input type: pass \`arguments\` to build the request">`],
  },
  {
    name: "a misspelt error name in .catch()",
    code: `reserving.catch({ errors: ["OutOfStok"], next: fail("SoldOut") });`,
    says: [`Type '"OutOfStok"' is not assignable to type '"OutOfStock" | LambdaServiceError | StatesErrorName'`, `Did you mean '"OutOfStock"'?`],
  },
  {
    name: "a misspelt error name in a task's catch option",
    code: `flow.task("Reserve2", reserve, { arguments: ($) => ({ sku: $.input.sku }), catch: [{ errors: ["OutOfStok"], next: fail("SoldOut2") }] });`,
    says: [`Did you mean '"OutOfStock"'?`],
  },
  {
    name: "a misspelt States error in .retry()",
    code: `reserving.retry({ errors: ["States.Timeot"] });`,
    says: [`Did you mean '"States.Timeout"'?`],
  },
  {
    name: "a Catch target that does not accept the error output",
    code: `reserving.catch({ errors: ["OutOfStock"], next: states<number>().pass("Count") });`,
    says: ["Type 'ErrorOutput' is not assignable to type 'number'"],
  },
  {
    name: "a Catch target in a task's options that does not accept the error output",
    code: `flow.task("Reserve3", reserve, { arguments: ($) => ({ sku: $.input.sku }), catch: [{ errors: ["OutOfStock"], next: states<number>().pass("Count3") }] });`,
    says: ["is not assignable to type 'Accepting<ErrorOutput>'", "Type 'ErrorOutput' is not assignable to type 'number'"],
  },
  {
    name: "continuing a chain that ends in Succeed",
    code: `flow.pass("P").succeed("Done").then(states<unknown>().pass("After"));`,
    says: [`StepcraftTypeError<"this chain has no open end to continue (it ends in Succeed, Fail or a goto)">`],
  },
  {
    name: "isPresent() on a field that is always present",
    code: `flow.choice("C").when(($) => $.input.orderId.isPresent(), succeed("S"));`,
    says: [`StepcraftTypeError<"isPresent() applies to optional fields only; this field is always present">`],
  },
  {
    name: "an optional field read in an output field",
    code: `flow.pass("Note", { output: ($) => ({ note: $.input.note }) });`,
    says: [
      `Type 'symbol & OptionalRef<string | undefined> & AbsentDataTests' is not assignable to type 'AbsentLeaf'`,
      `StepcraftTypeError<"this data may be absent, and AWS fails the state when a field of the template reads absent data: give a default with .orElse(…) (JSONata), or declare it present with .assertPresent() after a Choice tested .isPresent()">`,
    ],
  },
  {
    name: "a comparison on an optional field",
    code: `flow.choice("C3").when(($) => $.input.note.eq("x"), succeed("S3"));`,
    says: [`StepcraftTypeError<"this data may be absent, and a JSONPath Choice fails (States.Runtime) on an absent field: test it inside .ifPresent((v) => …), or give a default with .orElse(…)">`, "has no call signatures"],
  },
  {
    name: "a misspelt field",
    code: `flow.pass("Id", { output: ($) => $.input.orderID });`,
    says: ["Property 'orderID' does not exist", "Did you mean 'orderId'?"],
  },
  {
    name: "a variable that was never assigned",
    code: `remembered.pass("Read", { output: ($) => $.vars.totl });`,
    says: ["Property 'totl' does not exist on type 'VariableRefs<{ readonly total: number; }>'", "Did you mean 'total'?"],
  },
  {
    name: "a string comparison on a number",
    code: `flow.choice("C2").when(($) => $.input.total.matches("1*"), succeed("S2"));`,
    says: ["Property 'matches' does not exist on type 'symbol & NumberRef<number>'"],
  },
];

let dir = "";
/** Diagnostics by 1-based line of the mistakes file: the first line of each, with its indented continuation. */
let byLine = new Map<number, string[]>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepcraft-type-errors-"));
  const preludeLines = PRELUDE.split("\n").length - 1;
  await writeFile(join(dir, "mistakes.ts"), PRELUDE + MISTAKES.map((m) => m.code).join("\n") + "\n");
  await writeStandaloneProject(dir, ["mistakes.ts"]);
  const output = await new Promise<string>((resolve) => {
    execFile(join(repoDir, "node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: dir }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
  byLine = new Map();
  let current: string[] | undefined;
  for (const line of output.split("\n")) {
    const head = /^mistakes\.ts\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
    if (head !== null) {
      const mistakeLine = Number(head[1]) - preludeLines;
      current = [head[2] ?? ""];
      if (!byLine.has(mistakeLine)) byLine.set(mistakeLine, current);
    } else if (current !== undefined && line.startsWith(" ")) {
      current.push(line.trim());
    } else {
      current = undefined;
    }
  }
}, 120_000);

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("type errors for common mistakes read as what went wrong", () => {
  it("compiles the prelude without errors (only the mistakes fail)", () => {
    expect([...byLine.keys()].filter((line) => line < 1)).toEqual([]);
  });

  it.each(MISTAKES.map((m, i) => [m.name, i] as const))("%s", (_name, index) => {
    const mistake = MISTAKES[index];
    const diagnostic = byLine.get(index + 1);
    expect(diagnostic, `no error on: ${mistake?.code}`).toBeDefined();
    const text = (diagnostic ?? []).join("\n");
    for (const phrase of mistake?.says ?? []) expect(text).toContain(phrase);
  });
});
