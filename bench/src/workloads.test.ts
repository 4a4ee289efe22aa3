import { describe, expect, it } from "vitest";
import { UsageError } from "./args.ts";
import { jsonataTwins, JSONATA_TWINS, loadSharedWorkloads, measurementGroups, selectWorkloads, withTwins } from "./workloads.ts";

const shared = await loadSharedWorkloads();
const all = withTwins(shared, jsonataTwins(shared));

describe("workloads", () => {
  it("loads the shared workloads and a JSONata twin for each listed one", () => {
    expect(shared.map((w) => w.id)).toEqual(expect.arrayContaining(["a", "b0", "b40", "c", "d", "e", "f", "g", "g-cold"]));
    const twins = all.filter((w) => w.twinOf !== undefined);
    expect(twins.map((w) => w.id)).toEqual(JSONATA_TWINS.map((t) => `${t.of}-jsonata`));
    for (const twin of twins) {
      expect(twin.jsonata).toBe(true);
      expect((twin.definition as { QueryLanguage?: string }).QueryLanguage).toBe("JSONata");
    }
  });
  it("puts each twin right after its JSONPath workload", () => {
    const ids = all.map((w) => w.id);
    expect(ids.indexOf("a-jsonata")).toBe(ids.indexOf("a") + 1);
  });
  it("selects by id or title, bringing a named workload's twin along", () => {
    expect(selectWorkloads(all, ["a", "g"]).map((w) => w.id)).toEqual(["a", "a-jsonata", "g", "g-jsonata"]);
    expect(selectWorkloads(all, ["c-jsonata"]).map((w) => w.id)).toEqual(["c-jsonata"]);
    expect(selectWorkloads(all, ["b_map_10k_c40"]).map((w) => w.id)).toEqual(["b40"]);
    expect(selectWorkloads(all, undefined)).toHaveLength(all.length);
  });
  it("refuses unknown workloads", () => {
    expect(() => selectWorkloads(all, ["a", "nope"])).toThrow(UsageError);
  });
  it("groups each workload with its selected twins for measurement; a twin alone stands alone", () => {
    expect(measurementGroups(selectWorkloads(all, ["a", "b40", "g"])).map((group) => group.map((w) => w.id))).toEqual([
      ["a", "a-jsonata"],
      ["b40"],
      ["g", "g-jsonata"],
    ]);
    expect(measurementGroups(selectWorkloads(all, ["c-jsonata"])).map((group) => group.map((w) => w.id))).toEqual([["c-jsonata"]]);
  });
});
