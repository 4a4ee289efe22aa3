// Workflow coverage under a real jest (CommonJS, @swc/jest), from the packed tarballs: the
// @stepcraft/runtime/jest setup records in each test file, the
// @stepcraft/runtime/jest-coverage-reporter entry merges, prints, writes coverage.json and fails
// the run on an unmet threshold.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { npmInstall, packAll, removeScratch, run, scratchDir, tarballs, writeFiles, type PackedPackage } from "./support.ts";

vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

let app: string;
let packed: Map<string, PackedPackage>;

const definition = {
  StartAt: "Size?",
  States: {
    "Size?": { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 10, Next: "Big" }], Default: "Small" },
    Big: { Type: "Pass", Result: "big", End: true },
    Small: { Type: "Pass", Result: "small", End: true },
  },
};

// The cdk init app's jest setup, plus the stepcraft setup file and the coverage reporter.
const jestConfig = (states: number): string => `module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\\\.tsx?$": ["@swc/jest"] },
  setupFilesAfterEnv: ["@stepcraft/runtime/jest"],
  reporters: ["default", ["@stepcraft/runtime/jest-coverage-reporter", { thresholds: { states: ${states} } }]],
};
`;

beforeAll(() => {
  app = scratchDir("jest-coverage");
  packed = packAll(join(app, ".tarballs"));
  writeFiles(app, {
    "package.json": `${JSON.stringify({ name: "jest-coverage-consumer", private: true }, null, 2)}\n`,
    "jest.config.js": jestConfig(100),
    "test/size.test.ts": `import { testExecution } from "@stepcraft/runtime/testing";
const definition = ${JSON.stringify(definition)};

test("a big order", async () => {
  expect(await testExecution(definition, { n: 50 })).toHaveSucceeded();
});

test("a small order", async () => {
  if (process.env.ONLY_BIG === "1") return;
  expect(await testExecution(definition, { n: 1 })).toHaveVisited("Small");
});
`,
  });
  npmInstall(app, [...tarballs(packed, ["@stepcraft/asl", "@stepcraft/runtime"]), "jest@30", "@swc/core@^1.15.0", "@swc/jest@^0.2.39"]);
}, 900_000);

afterAll(() => removeScratch(app));

describe("workflow coverage under jest", () => {
  it("records every test file's runs and writes coverage/stepcraft/coverage.json when every state is reached", () => {
    const result = run("npx", ["--no-install", "jest", "--ci"], { cwd: app });
    expect(result.stdout + result.stderr).toMatch(/StateMachine \([0-9a-f]{8}\) +100% \(3\/3\) +100% \(2\/2\)/);
    const file = join(app, "coverage/stepcraft/coverage.json");
    expect(existsSync(file)).toBe(true);
    const data = JSON.parse(readFileSync(file, "utf8")) as { machines: { states: Record<string, { entered: number }> }[] };
    expect(data.machines[0]?.states["Small"]?.entered).toBe(1);
    expect(data.machines[0]?.states["Big"]?.entered).toBe(1);
  });

  it("fails the run, naming what is missing, when a threshold is not met", () => {
    const result = run("npx", ["--no-install", "jest", "--ci"], { cwd: app, env: { ONLY_BIG: "1" }, allowFailure: true });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain("StateMachine: states 66.6% is below the threshold 100%; not covered: Small");
  });
});
