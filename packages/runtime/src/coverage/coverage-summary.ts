import type { MachineCoverage, StateCounts } from "./coverage-data.ts";

/** The five things workflow coverage counts. */
export const COVERAGE_METRICS = ["states", "branches", "catchers", "retriers", "edges"] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

/** How an edge arises, as the graph draws it. */
export type CoverageEdgeKind = "next" | "choice" | "default" | "catch";

/** One thing that can be covered: a state, a Choice rule or Default, a Catcher, a Retrier, an edge. */
export interface CoverageItem {
  readonly metric: CoverageMetric;
  /** The state it belongs to. */
  readonly state: string;
  /** How reports name it: `Route → Ship (rule 1)`, `Charge Catch[0] States.ALL`. */
  readonly label: string;
  /** Times it was taken. */
  readonly hits: number;
  /** Edges only: the transition and how it arises. */
  readonly edge?: { readonly from: string; readonly to: string; readonly kind: CoverageEdgeKind };
}

export interface MetricSummary {
  readonly covered: number;
  readonly total: number;
  /** 100 when there is nothing to cover. */
  readonly percent: number;
}

/** A machine's coverage worked out against its definition. */
export interface MachineSummary {
  readonly name: string;
  readonly hash: string;
  readonly metrics: Readonly<Record<CoverageMetric, MetricSummary>>;
  readonly items: readonly CoverageItem[];
}

type JsonRecord = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ZERO: StateCounts = { entered: 0, exited: 0, rules: [], default: 0, catchers: [], retriers: [] };

function errorNames(entry: unknown): string {
  const names = isRecord(entry) ? list(entry["ErrorEquals"]).filter((e) => typeof e === "string") : [];
  return names.length === 0 ? "(no errors)" : names.join(", ");
}

/** The items of one States block and, depth first, of its Parallel branches and Map processors. */
function blockItems(block: unknown, counts: MachineCoverage["states"], items: CoverageItem[]): void {
  if (!isRecord(block) || !isRecord(block["States"])) return;
  for (const [name, def] of Object.entries(block["States"])) {
    if (!isRecord(def)) continue;
    const c = counts[name] ?? ZERO;
    items.push({ metric: "states", state: name, label: name, hits: c.entered });
    const edge = (to: unknown, kind: CoverageEdgeKind, hits: number, label: string): void => {
      if (typeof to === "string") items.push({ metric: "edges", state: name, label, hits, edge: { from: name, to, kind } });
    };
    list(def["Choices"]).forEach((rule, i) => {
      const to = isRecord(rule) ? rule["Next"] : undefined;
      const hits = c.rules[i] ?? 0;
      items.push({ metric: "branches", state: name, label: `${name} → ${String(to)} (rule ${i + 1})`, hits });
      edge(to, "choice", hits, `${name} → ${String(to)} (rule ${i + 1})`);
    });
    if (typeof def["Default"] === "string") {
      items.push({ metric: "branches", state: name, label: `${name} → ${def["Default"]} (Default)`, hits: c.default });
      edge(def["Default"], "default", c.default, `${name} → ${def["Default"]} (Default)`);
    }
    list(def["Retry"]).forEach((retrier, i) => {
      items.push({ metric: "retriers", state: name, label: `${name} Retry[${i}] ${errorNames(retrier)}`, hits: c.retriers[i] ?? 0 });
    });
    let caught = 0;
    list(def["Catch"]).forEach((catcher, i) => {
      const hits = c.catchers[i] ?? 0;
      caught += hits;
      const to = isRecord(catcher) ? catcher["Next"] : undefined;
      items.push({ metric: "catchers", state: name, label: `${name} Catch[${i}] ${errorNames(catcher)} → ${String(to)}`, hits });
      edge(to, "catch", hits, `${name} → ${String(to)} (Catch[${i}])`);
    });
    // Every visit that left the state either went through a Catcher or through Next.
    if (def["Type"] !== "Choice") edge(def["Next"], "next", Math.max(0, c.exited - caught), `${name} → ${String(def["Next"])}`);
    for (const branch of list(def["Branches"])) blockItems(branch, counts, items);
    blockItems(def["ItemProcessor"] ?? def["Iterator"], counts, items);
  }
}

function metric(items: readonly CoverageItem[], which: CoverageMetric): MetricSummary {
  const mine = items.filter((i) => i.metric === which);
  const covered = mine.filter((i) => i.hits > 0).length;
  const total = mine.length;
  return { covered, total, percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10 };
}

/** Works out a machine's coverage: every state, rule, Catcher, Retrier and edge of its definition, hit or not. */
export function summarizeMachine(machine: MachineCoverage): MachineSummary {
  const items: CoverageItem[] = [];
  blockItems(machine.definition, machine.states, items);
  const metrics = Object.fromEntries(COVERAGE_METRICS.map((m) => [m, metric(items, m)])) as Record<CoverageMetric, MetricSummary>;
  return { name: machine.name, hash: machine.hash, metrics, items };
}
