// The files `stepcraft init` (and `npm create stepcraft`) writes: a CDK app with one typed
// workflow, its handler, a test on the local runtime and cdk.json. ESM TypeScript, run by tsx,
// tested with vitest, so nothing needs a build step.

/**
 * The versions a new project starts from: the ones this release is tested with (a test keeps them
 * in step with the repository's lock file).
 */
export const TEMPLATE_VERSIONS = {
  "aws-cdk-lib": "^2.276.0",
  constructs: "^10.8.1",
  zod: "^4.6.7",
  "aws-cdk": "^2.1148.1",
  typescript: "~7.0.2",
  tsx: "^4.23.15",
  vitest: "^4.1.12",
  vite: "^7.3.8",
  "@types/node": "^20.19.43",
} as const;

/** Turns a project name into the PascalCase stack name (`my-app` → `MyAppStack`). */
export function stackName(projectName: string): string {
  const words = projectName.replace(/^@[^/]+\//, "").split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return `${/^[0-9]/.test(pascal) ? "App" : ""}${pascal || "App"}Stack`;
}

/** Every file of a new project, path → text. `stepcraftVersion` is the version of the packages to depend on. */
export function projectFiles(projectName: string, stepcraftVersion: string): Record<string, string> {
  const stack = stackName(projectName);
  const stepcraft = `^${stepcraftVersion}`;
  const packageJson = {
    name: projectName,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      test: "tsc --noEmit && vitest run",
      synth: "cdk synth",
      typecheck: "tsc --noEmit",
    },
    dependencies: {
      "@stepcraft/cdk": stepcraft,
      "@stepcraft/core": stepcraft,
      "aws-cdk-lib": TEMPLATE_VERSIONS["aws-cdk-lib"],
      constructs: TEMPLATE_VERSIONS.constructs,
      zod: TEMPLATE_VERSIONS.zod,
    },
    devDependencies: {
      "@stepcraft/cli": stepcraft,
      "@stepcraft/runtime": stepcraft,
      "@types/node": TEMPLATE_VERSIONS["@types/node"],
      "aws-cdk": TEMPLATE_VERSIONS["aws-cdk"],
      tsx: TEMPLATE_VERSIONS.tsx,
      typescript: TEMPLATE_VERSIONS.typescript,
      vite: TEMPLATE_VERSIONS.vite,
      vitest: TEMPLATE_VERSIONS.vitest,
    },
  };
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: "nodenext",
      moduleResolution: "nodenext",
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
    },
    include: ["bin", "lib", "src", "test"],
  };
  const cdkJson = { app: "npx tsx bin/app.ts", output: "cdk.out" };
  return {
    "package.json": `${JSON.stringify(packageJson, null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify(tsconfig, null, 2)}\n`,
    "cdk.json": `${JSON.stringify(cdkJson, null, 2)}\n`,
    ".gitignore": "node_modules/\ncdk.out/\ncoverage/\n",
    "bin/app.ts": `import { App } from "aws-cdk-lib";
import { ${stack} } from "../lib/stack.ts";

const app = new App();
new ${stack}(app, "${stack}");
`,
    "lib/stack.ts": `import { Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import { greeting } from "../src/workflow.ts";

/** The workflow as a Step Functions state machine; its handler is bundled, its IAM derived from the ASL. */
export class ${stack} extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new WorkflowStateMachine(this, "Greeting", { definition: greeting, entryRoot: import.meta.dirname + "/../src" });
  }
}
`,
    "src/handlers/greet.ts": `/** Thrown for a name the greeter refuses; the workflow catches it by name. */
export class NameRefused extends Error {
  override name = "NameRefused";
}

export async function handler(event: { name: string }): Promise<{ message: string }> {
  if (event.name.trim() === "") throw new NameRefused("a greeting needs a name");
  return { message: \`Hello, \${event.name}!\` };
}
`,
    "src/workflow.ts": `import { z } from "zod";
import { fail, lambda, succeed, workflow } from "@stepcraft/core";

export const greet = lambda("Greet", {
  entry: "./handlers/greet.ts",
  handler: () => import("./handlers/greet.ts").then((m) => m.handler),
  errors: ["NameRefused"] as const,
});

const flow = workflow("Greeting", { input: z.object({ name: z.string() }) });

export const greeting = flow.startWith(
  flow
    .task("SayHello", greet, { arguments: ($) => ({ name: $.input.name }), resultField: "greeting" })
    .retry({ errors: ["Lambda.TooManyRequestsException"], intervalSeconds: 2, maxAttempts: 3 })
    .catch({ errors: ["NameRefused"], next: fail("Refused", { error: "NameRefused" }) })
    .then(succeed("Greeted")),
);
`,
    "test/workflow.test.ts": `import { expect, test } from "vitest";
import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { greeting } from "../src/workflow.ts";

test("greets by name, running the real handler locally", async () => {
  const run = await testExecution(greeting, { name: "Ada" }, { tasks: await localTasks(greeting) });
  expect(run).toHaveSucceeded();
  expect(run.output).toEqual({ name: "Ada", greeting: { message: "Hello, Ada!" } });
});

test("a refused name ends in Refused", async () => {
  const run = await testExecution(greeting, { name: "" }, { mocks: { SayHello: { error: "NameRefused", cause: "a greeting needs a name" } } });
  expect(run).toHaveFailedWith("NameRefused");
  expect(run).toHaveVisitedInOrder(["SayHello", "Refused"]);
});
`,
    "README.md": `# ${projectName}

A Step Functions workflow written with [stepcraft](https://www.npmjs.com/package/@stepcraft/core): typed in
\`src/workflow.ts\`, tested on the local runtime in \`test/\`, deployed by the CDK stack in \`lib/\`.

\`\`\`sh
npm test              # type-check, then run the workflow's tests locally (no AWS account needed)
npx cdk synth         # the CloudFormation template, with the compiled ASL and least-privilege IAM
npx stepcraft run src/workflow.ts --input '{"name":"Ada"}'   # one local execution with its trace
\`\`\`
`,
  };
}
