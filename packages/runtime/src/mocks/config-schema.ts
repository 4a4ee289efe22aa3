import type * as Zod from "zod";
import { distance as levenshtein } from "fastest-levenshtein";
import { zodModule } from "../lazy-dependencies.ts";

/** An invocation key: a 0-based invocation number (`"0"`) or an inclusive range (`"1-2"`). */
export const INVOCATION_KEY = /^(\d+)(?:-(\d+))?$/;

let schema: ReturnType<typeof buildMockConfigSchema> | undefined;

/** The schema of a whole mock config file, built (and zod loaded) on first use. */
export function mockConfigSchema(): ReturnType<typeof buildMockConfigSchema> {
  return (schema ??= buildMockConfigSchema(zodModule()));
}

function buildMockConfigSchema(z: typeof Zod) {
  const throwSchema = z.strictObject({
    Error: z.string({ error: (i) => (i.input === undefined ? "'Error' is missing: give the error name Retry and Catch match, e.g. \"Lambda.TimeoutException\"" : "'Error' must be a string (an error name)") }),
    Cause: z.string({ error: (i) => (i.input === undefined ? "'Cause' is missing: Step Functions Local requires it; use \"\" for none" : "'Cause' must be a string (JSON.stringify structured causes)") }),
  });

  const responseSchema = z
    .strictObject({ Return: z.unknown().optional(), Throw: throwSchema.optional() }, { error: "a response must be an object: { \"Return\": <result> } or { \"Throw\": { \"Error\": …, \"Cause\": … } }" })
    .superRefine((step, ctx) => {
      const has = ("Return" in step ? 1 : 0) + ("Throw" in step ? 1 : 0);
      if (has !== 1) {
        ctx.addIssue({
          code: "custom",
          message: has === 0 ? "a response needs a 'Return' or a 'Throw' field" : "a response has either 'Return' or 'Throw', not both",
        });
      }
    });

  const mockedResponseSchema = z.record(
    z.string().regex(INVOCATION_KEY, { error: "invocation keys are 0-based invocation numbers (\"0\") or inclusive ranges (\"1-2\")" }),
    responseSchema,
    { error: "a mocked response must be an object keyed by invocation number, e.g. { \"0\": { \"Return\": … } }" },
  );

  const testCaseSchema = z.record(
    z.string(),
    z.string({ error: "a test case maps a Task state name to the name of a MockedResponses entry (a string)" }),
    { error: "a test case must be an object mapping Task state names to MockedResponses names" },
  );

  const stateMachineSchema = z.strictObject(
    {
      TestCases: z.record(z.string(), testCaseSchema, {
        error: (i) => (i.input === undefined ? "'TestCases' is missing: { \"TestCases\": { \"<test case>\": { \"<state>\": \"<mocked response>\" } } }" : "'TestCases' must be an object keyed by test case name"),
      }),
    },
    { error: "a state machine entry must be an object: { \"TestCases\": { … } }" },
  );

  // The whole file; cross-references and ranges are checked after the shape.
  return z
    .strictObject({
      StateMachines: z.record(z.string(), stateMachineSchema, {
        error: (i) => (i.input === undefined ? "'StateMachines' is missing: { \"StateMachines\": { \"<state machine name>\": { \"TestCases\": … } } }" : "'StateMachines' must be an object keyed by state machine name"),
      }),
      MockedResponses: z.record(z.string(), mockedResponseSchema, {
        error: (i) => (i.input === undefined ? "'MockedResponses' is missing: { \"MockedResponses\": { \"<name>\": { \"0\": { \"Return\": … } } } }" : "'MockedResponses' must be an object keyed by mocked response name"),
      }),
    }, { error: "a mock config must be a JSON object with 'StateMachines' and 'MockedResponses'" })
    .superRefine((config, ctx) => {
      const names = Object.keys(config.MockedResponses);
      for (const [machine, { TestCases }] of Object.entries(config.StateMachines)) {
        for (const [testCase, states] of Object.entries(TestCases)) {
          for (const [state, response] of Object.entries(states)) {
            if (response in config.MockedResponses) continue;
            const near = closest(response, names);
            ctx.addIssue({
              code: "custom",
              path: ["StateMachines", machine, "TestCases", testCase, state],
              message:
                `names the mocked response '${response}', which MockedResponses does not define` +
                (near === undefined ? ` (it defines ${names.length === 0 ? "none" : names.map((n) => `'${n}'`).join(", ")})` : `; did you mean '${near}'?`),
            });
          }
        }
      }
      for (const [name, steps] of Object.entries(config.MockedResponses)) {
        const ranges = Object.keys(steps).map((key) => ({ key, ...rangeOf(key) }));
        for (const r of ranges) {
          if (r.from > r.to) {
            ctx.addIssue({ code: "custom", path: ["MockedResponses", name, r.key], message: `the range starts after it ends; write "${r.to}-${r.from}"` });
          }
        }
        const sorted = ranges.filter((r) => r.from <= r.to).sort((a, b) => a.from - b.from);
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1]!;
          const cur = sorted[i]!;
          if (cur.from <= prev.to) {
            ctx.addIssue({
              code: "custom",
              path: ["MockedResponses", name, cur.key],
              message: `overlaps "${prev.key}" (invocation ${cur.from} would have two responses); each invocation number may appear once`,
            });
          }
        }
      }
    });
}

/** The inclusive invocation range of a key already matched by {@link INVOCATION_KEY}. */
export function rangeOf(key: string): { from: number; to: number } {
  const m = INVOCATION_KEY.exec(key);
  const from = Number(m?.[1] ?? Number.NaN);
  return { from, to: m?.[2] === undefined ? from : Number(m[2]) };
}

/** A known name close to a misspelt one (case, a letter or two), for "did you mean". */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : levenshtein(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
