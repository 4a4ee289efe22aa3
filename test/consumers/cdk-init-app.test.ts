// The app `cdk init app --language typescript` generates (CommonJS, NodeNext, tsc + tsx, jest
// with @swc/jest), with the aws-cdk in the lock file, unchanged except for the stepcraft code added
// to its stack and its test: `npx cdk synth` and its own `npm test` pass with the packed tarballs.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkoutSources } from "./fixtures/checkout.ts";
import { plainCdkSources, plainCdkTest } from "./fixtures/plain-cdk-pricing.ts";
import { npmInstall, packAll, removeScratch, repoRoot, run, scratchDir, tarballs, writeFiles, lockedVersion, type PackedPackage } from "./support.ts";

vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

let app: string;
let packed: Map<string, PackedPackage>;
const name = "shop";

beforeAll(() => {
  app = join(scratchDir("cdk-init"), name);
  run("mkdir", ["-p", app], { cwd: repoRoot });
  run(join(repoRoot, "node_modules/.bin/cdk"), ["init", "app", "--language", "typescript", "--generate-only"], { cwd: app });
  packed = packAll(join(app, "..", "tarballs"));
  // The stepcraft code a user adds: the workflow and its handler beside the stack, the construct
  // in the stack, a local-runtime test beside the generated one.
  writeFiles(join(app, "lib"), checkoutSources("./handlers/charge.js", "zod"));
  const stackFile = join(app, "lib", `${name}-stack.ts`);
  const stack = readFileSync(stackFile, "utf8")
    .replace("import { Construct } from 'constructs';", "import { Construct } from 'constructs';\nimport { WorkflowStateMachine } from '@stepcraft/cdk';\nimport { checkout } from './checkout';")
    .replace("    // The code that defines your stack goes here\n", "    // The code that defines your stack goes here\n    new WorkflowStateMachine(this, 'Checkout', { definition: checkout, entryRoot: __dirname });\n");
  writeFileSync(stackFile, stack);
  writeFiles(join(app, "test"), {
    "checkout.test.ts": `import { testExecution } from '@stepcraft/runtime/testing';
import '@stepcraft/runtime/jest';
import { checkout } from '../lib/checkout';

test('a throttled charge is retried; a declined card ends in Declined', async () => {
  const run = await testExecution(checkout, { orderId: 'o-2', total: 9000 }, {
    mocks: { ChargeCard: [{ error: 'Lambda.TooManyRequestsException', cause: 'Rate exceeded' }, { error: 'CardDeclined', cause: 'limit exceeded' }] },
  });
  expect(run).toHaveFailedWith('CardDeclined');
  expect(run).toHaveVisitedInOrder(['ChargeCard', 'Declined']);
});

test('a charge within the limit is paid', async () => {
  const run = await testExecution(checkout, { orderId: 'o-1', total: 40 }, { mocks: { ChargeCard: { result: { chargeId: 'ch-o-1' } } } });
  expect(run).toHaveSucceeded();
  expect(run.output).toEqual({ orderId: 'o-1', total: 40, payment: { chargeId: 'ch-o-1' } });
});
`,
  });
  // A state machine written in plain CDK (no stepcraft in the stack), tested from its synthesized
  // template with @stepcraft/cdk/testing: the NodejsFunction's bundle runs in-process under jest.
  writeFiles(join(app, "lib"), plainCdkSources);
  writeFiles(join(app, "test"), { "pricing.test.ts": plainCdkTest });
  npmInstall(app);
  npmInstall(app, [...tarballs(packed, ["@stepcraft/asl", "@stepcraft/core", "@stepcraft/runtime", "@stepcraft/cdk"]), `zod@${lockedVersion("zod")}`]);
}, 900_000);

afterAll(() => removeScratch(join(app, "..")));

describe("the app cdk init generates, with stepcraft added", () => {
  it("is the CommonJS app cdk init makes (no type field, NodeNext, jest with @swc/jest)", () => {
    const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as { type?: string; devDependencies: Record<string, string> };
    expect(pkg.type).toBeUndefined();
    expect(pkg.devDependencies).toHaveProperty("@swc/jest");
    expect(readFileSync(join(app, "cdk.json"), "utf8")).toContain("npx tsc && npx tsx bin/");
  });

  it("npx cdk synth type-checks the app and synthesizes the state machine", () => {
    const { stdout } = run("npx", ["--no-install", "cdk", "synth", "--quiet", "--no-notices", "--ci", "--no-version-reporting"], { cwd: app });
    void stdout;
    const template = JSON.parse(readFileSync(join(app, "cdk.out", "ShopStack.template.json"), "utf8")) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toContain("AWS::StepFunctions::StateMachine");
    expect(types).toContain("AWS::Lambda::Function");
  });

  it("its own npm test (jest + @swc/jest) runs the stepcraft test and the plain-CDK machine from its template, with the jest matchers", () => {
    const result = run("npm", ["test", "--", "--ci"], { cwd: app });
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/Tests:\s+5 passed, 5 total/);
  });
});
