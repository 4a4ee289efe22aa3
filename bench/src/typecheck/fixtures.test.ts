import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseExtendedDiagnostics } from "./diagnostics.ts";
import { roundOrder } from "./measure.ts";
import { PROGRAMS, runTsc, writeFixtures } from "./workspace.ts";
import type { FixtureDir } from "./workspace.ts";
import { typedFixtureLayout } from "./typed-fixture.ts";

/** "name:Type" for every state, Map processors and Parallel branches included, sorted. */
function stateKinds(definition: unknown): string[] {
  const out: string[] = [];
  const visit = (graph: unknown): void => {
    const states = (graph as { readonly States?: Record<string, { readonly Type: string; readonly ItemProcessor?: unknown; readonly Iterator?: unknown; readonly Branches?: unknown[] }> } | undefined)?.States;
    if (states === undefined) return;
    for (const [name, state] of Object.entries(states)) {
      out.push(`${name}:${state.Type}`);
      visit(state.ItemProcessor ?? state.Iterator);
      for (const branch of state.Branches ?? []) visit(branch);
    }
  };
  visit(definition);
  return out.sort();
}

interface CdkTemplate {
  readonly Resources: Record<string, { readonly Type: string; readonly Properties: { readonly DefinitionString?: unknown } }>;
}

/** The ASL the CDK fixture's state machine synthesizes to. */
async function cdkDefinition(module: string): Promise<unknown> {
  const cdk = await import("aws-cdk-lib");
  const { big } = (await import(module)) as { readonly big: import("constructs").IConstruct };
  const stack = cdk.Stack.of(big);
  const app = stack.node.root as InstanceType<typeof cdk.App>;
  const template = app.synth().getStackByName(stack.stackName).template as CdkTemplate;
  const machine = Object.values(template.Resources).find((r) => r.Type === "AWS::StepFunctions::StateMachine");
  const text = machine?.Properties.DefinitionString;
  if (typeof text !== "string") throw new Error(`unexpected DefinitionString: ${JSON.stringify(text)}`);
  return JSON.parse(text);
}

describe("the type-check fixtures", () => {
  let small: FixtureDir;
  let full: FixtureDir;
  beforeAll(() => {
    small = writeFixtures(30);
    full = writeFixtures(200);
  });
  afterAll(() => {
    small.remove();
    full.remove();
  });

  it("type-check without errors (30 states, fixtures and baselines)", async () => {
    for (const program of PROGRAMS) {
      const run = await runTsc(small.tsconfig[program]);
      expect({ program, exitCode: run.exitCode, errors: run.output.split("\n").filter((l) => /error TS/.test(l)) }).toEqual({ program, exitCode: 0, errors: [] });
      expect(parseExtendedDiagnostics(run.output).checkSeconds).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);

  it("are the same workflow: 200 states, same names and kinds in the stepcraft ASL and the CDK's", async () => {
    const ours = (await import(full.source.ours)) as { readonly big: { toAsl(): unknown } };
    const typed = stateKinds(ours.big.toAsl());
    const cdk = stateKinds(await cdkDefinition(full.source.cdk));
    expect(typed).toHaveLength(200);
    expect(cdk).toEqual(typed);
    // Every kind the brief asks for is there.
    for (const kind of ["Pass", "Choice", "Map", "Parallel", "Task", "Succeed"]) expect(typed.some((s) => s.endsWith(`:${kind}`))).toBe(true);
  }, 60_000);

  it("lay out exactly the requested count, or say it cannot", () => {
    expect(typedFixtureLayout(200)).toEqual({ coreCount: 185, blocks: 15, tail: 4 });
    expect(typedFixtureLayout(30)).toEqual({ coreCount: 28, blocks: 2, tail: 3 });
    expect(() => typedFixtureLayout(5)).toThrow(RangeError);
  });

  it("alternate which side tsc checks first, every program once per round", () => {
    expect(roundOrder(0)).toEqual(["ours", "cdk", "ours-baseline", "cdk-baseline"]);
    expect(roundOrder(1)).toEqual(["cdk", "ours", "cdk-baseline", "ours-baseline"]);
    expect(roundOrder(2, false)).toEqual(["ours", "cdk"]);
  });
});
