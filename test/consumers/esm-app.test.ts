// A user's ESM TypeScript app, outside the repository, with the packed tarballs installed:
// type-checked with skipLibCheck false and no @types/node under TypeScript 5.9, 6 and 7, built
// by tsc and run by plain node (toAsl, testExecution with the real handler, CDK synth), and
// tested with vitest and the stepcraft matchers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { modulesLoadedBy } from "../../scripts/testing/loaded-packages.ts";
import { checkoutSources } from "./fixtures/checkout.ts";
import { lockedVersion, npmInstall, packAll, removeScratch, run, scratchDir, tarballs, writeFiles, type PackedPackage } from "./support.ts";

// Each step installs, compiles or synthesizes a real project: minutes on a loaded machine, not seconds.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

let app: string;
let packed: Map<string, PackedPackage>;

// What the app itself uses of the platform (its own code, not stepcraft's, needs these).
const APP_GLOBALS = `declare const console: { log(...values: unknown[]): void };
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022"],
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    skipLibCheck: false,
    types: [],
    outDir: "dist",
    rootDir: ".",
    noEmitOnError: true,
  },
  include: ["*.ts", "handlers/*.ts"],
  exclude: ["*.test.ts", "stack.ts", "dist", "node_modules"],
};

// The CDK part is its own program: aws-cdk-lib's declarations need @types/node (theirs, not ours).
const TSCONFIG_CDK = {
  extends: "./tsconfig.json",
  compilerOptions: { types: ["node"] },
  include: ["stack.ts"],
  exclude: ["dist", "node_modules"],
};

beforeAll(() => {
  app = scratchDir("esm");
  packed = packAll(join(app, ".tarballs"));
  writeFiles(app, {
    "package.json": `${JSON.stringify({ name: "esm-consumer", private: true, type: "module" }, null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify(TSCONFIG, null, 2)}\n`,
    "tsconfig.cdk.json": `${JSON.stringify(TSCONFIG_CDK, null, 2)}\n`,
    "globals.d.ts": APP_GLOBALS,
    ...checkoutSources("./handlers/charge.js", "typeOnly"),
    "main.ts": `import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import { checkout } from "./checkout.js";

const asl = checkout.toAsl();
const run = await testExecution(checkout, { orderId: "o-1", total: 40 }, { tasks: await localTasks(checkout) });
console.log(JSON.stringify({ startAt: asl.StartAt, states: Object.keys(asl.States), status: run.status, output: run.output }));
`,
    "stack.ts": `import { App, Stack } from "aws-cdk-lib";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import { checkout } from "./checkout.js";

const app = new App({ outdir: "cdk.out" });
const stack = new Stack(app, "CheckoutStack");
new WorkflowStateMachine(stack, "Checkout", { definition: checkout });
const template = app.synth().getStackByName("CheckoutStack").template as { Resources: Record<string, { Type: string }> };
console.log(JSON.stringify([...new Set(Object.values(template.Resources).map((r) => r.Type))].sort()));
`,
    "checkout.test.ts": `import { expect, test } from "vitest";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { checkout } from "./checkout.js";

test("a declined card ends in Declined", async () => {
  const run = await testExecution(checkout, { orderId: "o-2", total: 9000 }, {
    mocks: { ChargeCard: [{ error: "Lambda.TooManyRequestsException", cause: "Rate exceeded" }, { error: "CardDeclined", cause: "limit exceeded" }] },
  });
  expect(run).toHaveFailedWith("CardDeclined");
  expect(run).toHaveVisitedInOrder(["ChargeCard", "Declined"]);
});
`,
  });
  npmInstall(app, [
    ...tarballs(packed, ["@stepcraft/asl", "@stepcraft/core", "@stepcraft/runtime", "@stepcraft/cdk"]),
    `typescript@${lockedVersion("typescript")}`,
    "typescript-5.9@npm:typescript@5.9.3",
    "typescript-6@npm:typescript@6.0.3",
    `zod@${lockedVersion("zod")}`,
    `aws-cdk-lib@${lockedVersion("aws-cdk-lib")}`,
    `constructs@${lockedVersion("constructs")}`,
    `@types/node@${lockedVersion("@types/node")}`,
    `vitest@${lockedVersion("vitest")}`,
    `vite@${lockedVersion("vite")}`,
  ]);
}, 900_000);

afterAll(() => removeScratch(app));

describe("an ESM TypeScript app that installs the packed packages", () => {
  it("installs built JavaScript and declarations, never TypeScript sources as the entry", () => {
    const core = JSON.parse(readFileSync(join(app, "node_modules/@stepcraft/core/package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(JSON.stringify(core.exports["."])).toContain("./dist/esm/index.js");
    expect(existsSync(join(app, "node_modules/@stepcraft/core/dist/esm/index.d.ts"))).toBe(true);
    expect(existsSync(join(app, "node_modules/@stepcraft/core/dist/cjs/index.js"))).toBe(true);
  });

  it("imports the runtime as a few bundled files, without jsonata or zod until they are needed", () => {
    // Node.js spends about 50 KB on every ES module it loads (scripts/packaging/bundle-esm.ts).
    const loaded = modulesLoadedBy('await import("@stepcraft/runtime");', { cwd: app, sources: false });
    const ours = loaded.filter((file) => file.includes("/node_modules/@stepcraft/"));
    expect(ours.every((file) => /\/@stepcraft\/(runtime|asl)\/dist\/esm\//.test(file))).toBe(true);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.length).toBeLessThanOrEqual(8);
    expect(loaded.filter((file) => /\/node_modules\/(jsonata|zod)\//.test(file))).toEqual([]);
  });

  it.each([
    ["TypeScript 7", "node_modules/typescript/bin/tsc"],
    ["TypeScript 6", "node_modules/typescript-6/bin/tsc"],
    ["TypeScript 5.9", "node_modules/typescript-5.9/bin/tsc"],
  ])("type-checks with skipLibCheck false and no @types/node under %s", (_, tsc) => {
    const result = run("node", [tsc, "-p", "tsconfig.json", "--noEmit"], { cwd: app, allowFailure: true });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("builds with tsc and runs with plain node: toAsl and testExecution with the real handler", () => {
    run("node", ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: app });
    const { stdout } = run("node", ["dist/main.js"], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      startAt: "ChargeCard",
      states: ["ChargeCard", "Paid", "Declined"],
      status: "SUCCEEDED",
      output: { orderId: "o-1", total: 40, payment: { chargeId: "ch-o-1" } },
    });
  });

  it("synthesizes a CDK stack with the workflow and its bundled handler", () => {
    run("node", ["node_modules/typescript/bin/tsc", "-p", "tsconfig.cdk.json"], { cwd: app });
    const { stdout } = run("node", ["dist/stack.js"], { cwd: app });
    const types = JSON.parse(stdout) as string[];
    expect(types).toContain("AWS::StepFunctions::StateMachine");
    expect(types).toContain("AWS::Lambda::Function");
    expect(types).toContain("AWS::IAM::Policy");
  });

  it("tests with vitest and the stepcraft matchers", () => {
    const { stdout } = run("npx", ["--no-install", "vitest", "run"], { cwd: app });
    expect(stdout).toMatch(/1 passed/);
  });
});
