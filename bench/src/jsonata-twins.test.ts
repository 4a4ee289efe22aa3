// The JSONata twins must produce exactly what their JSONPath workloads are expected to produce.
import { describe, expect, it } from "vitest";
import { ENGINES } from "./engines/index.ts";
import { jsonataTwins, loadSharedWorkloads } from "./workloads.ts";

const shared = await loadSharedWorkloads();
const twins = jsonataTwins(shared);
const ours = ENGINES.ours;

describe("JSONata twins on stepcraft", () => {
  it.each(twins.map((t) => [t.id, t] as const))(
    "%s gives its JSONPath workload's expected output",
    async (_id, twin) => {
      const machine = ours.prepare(twin.definition, twin.lambdas);
      expect(await machine.run(twin.input(0))).toEqual(twin.expected(0));
    },
  );

  it("b0-jsonata agrees with b0 on a small Map (both engines run b0)", async () => {
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
