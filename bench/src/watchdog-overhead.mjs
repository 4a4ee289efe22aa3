// What the JSONata watchdog costs where it runs: a general evaluation (jsonata's own evaluator,
// here a $reduce with a lambda over 2,000 numbers) whose every step goes through its hook.
// The bench's JSONata twins never reach it (every expression is compiled to JavaScript). Run it
// twice, with the bounds on and off (the runtime's measurement-only switch), alternating, after
// `npm run build`:
//   node bench/src/watchdog-overhead.mjs; STEPCRAFT_MEASURE_WITHOUT_BOUNDS=1 node bench/src/watchdog-overhead.mjs
import { prepareStateMachine } from "@stepcraft/runtime";
const def = { QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $reduce([1..$states.input.n], function($a, $b) { $a + $b }) %}", End: true } } };
const m = prepareStateMachine(def);
const samples = [];
for (let s = 0; s < 15; s++) {
  const t = process.cpuUsage();
  for (let i = 0; i < 20; i++) await m.run({ n: 2000 });
  const u = process.cpuUsage(t);
  samples.push((u.user + u.system) / 1000 / 20);
}
samples.sort((a, b) => a - b);
console.log(process.env.STEPCRAFT_MEASURE_WITHOUT_BOUNDS === "1" ? "off" : "on", samples[7].toFixed(3), "ms/execution (median CPU)");
