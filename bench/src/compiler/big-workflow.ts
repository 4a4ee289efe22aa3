// The compiler benchmark's workflow: `stateCount` states built with the typed builder at run time
// (the same block as the type-check fixture: Pass, Pass+Assign, Choice, Map, Lambda Task, Parallel),
// in either query language. Built fresh on every call, so a timed run includes the builder.
import { and, lambda, states, typeOnly, workflow } from "@stepcraft/core";
import type { AslDefinition, QueryLanguage } from "@stepcraft/core";

interface Payload {
  readonly id: string;
  readonly n: number;
  readonly tags: readonly string[];
  readonly nested: { readonly a: number; readonly b: string };
}

async function scoreHandler(event: { readonly id: string; readonly n: number }): Promise<{ readonly score: number }> {
  return { score: event.n + event.id.length };
}

const score = lambda("Score", {
  entry: "./score-handler.ts",
  handler: () => Promise.resolve(scoreHandler),
  functionName: "arn:aws:lambda:us-east-1:123456789012:function:score",
});

/** States per block: P a, P b, Choice + 2 rule targets, Map + processor, Task, R a, Parallel + 2 branches, R b. */
export const STATES_PER_BLOCK = 13;

function block(i: number) {
  // Each block assigns the variables it reads (P{i}b) before reading them, so it needs none from
  // before: the first block starts the workflow, where none are assigned.
  return states<Payload>()
    .pass(`P${i}a`, { output: ($) => ({ id: $.input.id, n: $.input.n, tags: $.input.tags, nested: $.input.nested }) })
    .pass(`P${i}b`, { assign: ($) => ({ v: $.input.n, w: $.input.nested.b }) })
    .choice(`C${i}`)
    .when(($) => and($.input.n.gt(i), $.vars.v.lt(1000)), (s) => s.pass(`C${i}yes`, { output: ($) => ({ id: $.input.id, n: $.input.n, tags: $.input.tags, nested: $.input.nested }) }))
    .otherwise((s) => s.pass(`C${i}no`))
    .map(`M${i}`, {
      items: ($) => $.input.tags,
      maxConcurrency: (i % 5) + 1,
      processor: (item) => item.pass(`M${i}p`, { output: ($) => ({ tag: $.input, at: $.vars.v }) }),
      resultField: "mapped",
    })
    // An object output: JSONPath stores only a result, or an object built from it, under a field (ResultSelector).
    .task(`L${i}`, score, { arguments: ($) => ({ id: $.input.id, n: $.input.n }), output: ($) => ({ score: $.result.score }), resultField: "scored" })
    .pass(`R${i}a`, { output: ($) => ({ id: $.input.id, n: $.input.n, tags: $.input.tags, nested: $.input.nested }) })
    .parallel(`Q${i}`, {
      branches: [(b) => b.pass(`Q${i}x`, { output: ($) => $.input.n }), (b) => b.pass(`Q${i}y`, { output: ($) => $.input.nested })],
      resultField: "both",
    })
    .pass(`R${i}b`, { output: ($) => ({ id: $.input.id, n: $.input.both[0], tags: $.input.tags, nested: $.input.both[1] }) });
}

/** Blocks and trailing Pass states for a workflow of exactly `stateCount` states (the last one a Succeed). */
export function layout(stateCount: number): { readonly blocks: number; readonly tail: number } {
  if (!Number.isInteger(stateCount) || stateCount < STATES_PER_BLOCK + 1) throw new RangeError(`at least ${STATES_PER_BLOCK + 1} states, got ${stateCount}`);
  const blocks = Math.floor((stateCount - 1) / STATES_PER_BLOCK);
  return { blocks, tail: stateCount - 1 - blocks * STATES_PER_BLOCK };
}

/** Builds the workflow (every state object is new). */
export function buildBigWorkflow(stateCount: number, queryLanguage: QueryLanguage) {
  const { blocks, tail } = layout(stateCount);
  const flow = workflow("Big", { input: typeOnly<Payload>(), queryLanguage });
  let chain = block(0);
  for (let i = 1; i < blocks; i++) chain = chain.then(block(i));
  for (let t = 0; t < tail; t++) {
    chain = chain.then((s) => s.pass(`T${t}`, { output: ($) => ({ id: $.input.id, n: $.vars.v, tags: $.input.tags, nested: $.input.nested }) }));
  }
  return flow.startWith(chain.then((s) => s.succeed("End")));
}

/** Every state in a definition, nested Map processors and Parallel branches included. */
export function countStates(definition: AslDefinition): number {
  let count = 0;
  const visit = (graph: unknown): void => {
    if (typeof graph !== "object" || graph === null) return;
    const stateMap = (graph as { readonly States?: unknown }).States;
    if (typeof stateMap !== "object" || stateMap === null) return;
    for (const state of Object.values(stateMap)) {
      count++;
      if (typeof state !== "object" || state === null) continue;
      const s = state as { readonly ItemProcessor?: unknown; readonly Iterator?: unknown; readonly Branches?: unknown };
      visit(s.ItemProcessor);
      visit(s.Iterator);
      if (Array.isArray(s.Branches)) for (const branch of s.Branches) visit(branch);
    }
  };
  visit(definition);
  return count;
}
