// Writes bench/workloads-jsonata/*.asl.json: JSONata versions of shared workloads a, b0, c, d, e, f, g.
// Each twin enters the same states in the same number and must produce the same output as its
// JSONPath original, so the two rows of the report compare the query languages, not the work.
// Run: node --import tsx bench/src/write-jsonata-twins.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonataTwinsDir } from "./paths.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type States = Record<string, Json>;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function chain(count: number, width: number, prefix: string, state: (i: number) => { [key: string]: Json }): States {
  const states: States = {};
  for (let i = 0; i < count; i++) {
    const next = i === count - 1 ? { End: true } : { Next: `${prefix}${pad(i + 1, width)}` };
    states[`${prefix}${pad(i, width)}`] = { ...state(i), ...next };
  }
  return states;
}

/** A JSONata machine that is one chain of `count` states named `<prefix><index>`. */
function chainMachine(comment: string, count: number, width: number, prefix: string, state: (i: number) => { [key: string]: Json }): Json {
  return { Comment: comment, QueryLanguage: "JSONata", StartAt: `${prefix}${pad(0, width)}`, States: chain(count, width, prefix, state) };
}

/** (a) 200 Pass states replacing `acc` like Parameters + ResultPath "$.acc" do. */
function passChain(): Json {
  return chainMachine("(a, JSONata) 200 chained Pass states, each merging a new acc into its input", 200, 3, "S", (i) => ({
    Type: "Pass",
    Output: `{% $merge([$states.input, {'acc': {'step': ${i}, 'prev': $states.input.acc.step, 'tag': $states.input.meta.tag}}]) %}`,
  }));
}

/** (b0) Map over 10,000 items, 3 Pass states per item, unlimited concurrency. */
function mapTenK(): Json {
  return {
    Comment: "(b0, JSONata) Map over the items (10,000 at run time), 3-Pass-state processor, MaxConcurrency 0",
    QueryLanguage: "JSONata",
    StartAt: "FanOut",
    States: {
      FanOut: {
        Type: "Map",
        Items: "{% $states.input.items %}",
        MaxConcurrency: 0,
        ItemSelector: {
          id: "{% $states.context.Map.Item.Value.id %}",
          idx: "{% $states.context.Map.Item.Index %}",
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "I1",
          States: {
            I1: { Type: "Pass", Output: { id: "{% $states.input.id %}", idx: "{% $states.input.idx %}", stage: 1 }, Next: "I2" },
            I2: { Type: "Pass", Output: "{% $merge([$states.input, {'flag': {'ok': true}}]) %}", Next: "I3" },
            I3: {
              Type: "Pass",
              Output: { id: "{% $states.input.id %}", idx: "{% $states.input.idx %}", ok: "{% $states.input.flag.ok %}", stage: 3 },
              End: true,
            },
          },
        },
        Output: "{% $states.result %}",
        End: true,
      },
    },
  };
}

/** (c) Pass + Choice loop counting to $.limit. */
function choiceLoop(): Json {
  return {
    Comment: "(c, JSONata) Pass (i + 1) + Choice loop until i = limit (5,000 at run time)",
    QueryLanguage: "JSONata",
    StartAt: "Increment",
    States: {
      Increment: { Type: "Pass", Output: { i: "{% $states.input.i + 1 %}", limit: "{% $states.input.limit %}" }, Next: "Check" },
      Check: {
        Type: "Choice",
        Choices: [{ Condition: "{% $states.input.i < $states.input.limit %}", Next: "Increment" }],
        Default: "Done",
      },
      Done: { Type: "Succeed" },
    },
  };
}

/** (d) Parallel of 10 branches × 20 Pass states. */
function parallel(): Json {
  const branches: Json[] = [];
  for (let b = 0; b < 10; b++) {
    branches.push({
      StartAt: `B${b}_S00`,
      States: chain(20, 2, `B${b}_S`, (s) => ({ Type: "Pass", Output: { branch: b, step: s, v: "{% $states.input.v %}" } })),
    });
  }
  return {
    Comment: "(d, JSONata) Parallel of 10 branches x 20 Pass states",
    QueryLanguage: "JSONata",
    StartAt: "Fan",
    States: { Fan: { Type: "Parallel", Branches: branches, End: true } },
  };
}

/** (e) The intrinsic functions' JSONata equivalents: &, $string, $parse, array constructor, $partition, $hash. */
function intrinsics(): Json {
  return chainMachine("(e, JSONata) 50 Pass states computing what States.Format/JsonToString/StringToJson/Array/ArrayPartition/Hash do", 50, 2, "X", (i) => ({
    Type: "Pass",
    Output:
      "{% $merge([$states.input, {'r': {" +
      `'greeting': 'step ${i}: hello ' & $states.input.name & ', age ' & $states.input.age, ` +
      "'asString': $string($states.input.obj), " +
      "'asJson': $parse($states.input.objStr), " +
      `'arr': [$states.input.name, $states.input.age, 'k${i}'], ` +
      "'parts': $partition($states.input.list, 4), " +
      "'hash': $hash($states.input.name, 'SHA-256')" +
      "}}]) %}",
  }));
}

/** (f) 100 Lambda Tasks: Arguments instead of Parameters, Output over `$states.result` instead of ResultSelector. */
function taskChain(): Json {
  return chainMachine("(f, JSONata) a chain of 100 Lambda Task states (Arguments / Output) bound to local functions", 100, 3, "T", (i) => ({
    Type: "Task",
    Resource: `arn:aws:lambda:us-east-1:123456789012:function:bench-identity-${i % 4}`,
    Arguments: { step: i, data: "{% $states.input.data %}" },
    Output: { data: "{% $states.result.data %}", seen: "{% $states.result.step %}" },
  }));
}

/** (g) 5 transitions per execution: Pass, Choice, Pass (big/small), Pass, Succeed. */
function shortExecution(): Json {
  const size = (value: string, next: string): Json => ({ Type: "Pass", Output: `{% $merge([$states.input, {'size': '${value}'}]) %}`, Next: next });
  return {
    Comment: "(g, JSONata) 5 state transitions per execution; used for per-execution overhead",
    QueryLanguage: "JSONata",
    StartAt: "Start",
    States: {
      Start: { Type: "Pass", Output: { id: "{% $states.input.id %}", n: "{% $states.input.n %}" }, Next: "Classify" },
      Classify: { Type: "Choice", Choices: [{ Condition: "{% $states.input.n >= 500 %}", Next: "Big" }], Default: "Small" },
      Big: size("big", "Stamp"),
      Small: size("small", "Stamp"),
      Stamp: { Type: "Pass", Output: { id: "{% $states.input.id %}", size: "{% $states.input.size %}", done: true }, Next: "Done" },
      Done: { Type: "Succeed" },
    },
  };
}

const FILES: ReadonlyArray<readonly [string, () => Json]> = [
  ["a_pass_chain_200.jsonata.asl.json", passChain],
  ["b_map_10k_c0.jsonata.asl.json", mapTenK],
  ["c_choice_loop_5k.jsonata.asl.json", choiceLoop],
  ["d_parallel_10x20.jsonata.asl.json", parallel],
  ["e_intrinsics_50.jsonata.asl.json", intrinsics],
  ["f_task_chain_100.jsonata.asl.json", taskChain],
  ["g_short_5.jsonata.asl.json", shortExecution],
];

mkdirSync(jsonataTwinsDir, { recursive: true });
for (const [file, build] of FILES) {
  writeFileSync(join(jsonataTwinsDir, file), `${JSON.stringify(build(), null, 2)}\n`);
  console.log(`wrote ${join(jsonataTwinsDir, file)}`);
}
