// The JSONata twins must produce exactly what their JSONPath workloads are expected to produce.
import { describe, expect, it } from "vitest";
import { ENGINES } from "./engines/index.ts";
import { jsonataTwins, loadSharedWorkloads } from "./workloads.ts";

const shared = await loadSharedWorkloads();
const twins = jsonataTwins(shared);
const ours = ENGINES.ours;

describe("JSONata twins on stepcraft", () => {
  // b0's real input is over AWS's 256 KiB execution-input limit, which our runtime enforces;
  // its twin is checked on a small input below instead.
  it.each(twins.filter((t) => t.id !== "b0-jsonata").map((t) => [t.id, t] as const))(
    "%s gives its JSONPath workload's expected output",
    async (_id, twin) => {
      const machine = ours.prepare(twin.definition, twin.lambdas);
      expect(await machine.run(twin.input(0))).toEqual(twin.expected(0));
    },
  );

  it("b0-jsonata agrees with b0 on a small Map, on both engines where they can run it", async () => {
    const twin = twins.find((t) => t.id === "b0-jsonata");
    const original = shared.find((w) => w.id === "b0");
    if (twin === undefined || original === undefined) throw new Error("b0 or its twin is missing");
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `item-${i}`, v: i }));
    const expected = items.map((it, i) => ({ id: it.id, idx: i, ok: true, stage: 3 }));
    expect(await ours.prepare(twin.definition, {}).run({ items })).toEqual(expected);
    expect(await ours.prepare(structuredClone(original.definition), {}).run({ items })).toEqual(expected);
    expect(await ENGINES.peer.prepare(structuredClone(original.definition), {}).run({ items })).toEqual(expected);
  });
});
