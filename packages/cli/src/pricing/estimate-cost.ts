/** What one execution would cost on AWS, from its history (see price-table.ts for the rules). */
import { PRICE_TABLE } from "./price-table.ts";

/** The history fields the estimate reads. */
export interface BillableEvent {
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: Date;
}

export interface CostEstimate {
  readonly standard: { readonly stateTransitions: number; readonly retries: number; readonly usd: number };
  readonly express: { readonly requests: 1; readonly billedDurationMs: number; readonly memoryMb: number; readonly usd: number };
  readonly priceTable: { readonly source: string; readonly retrieved: string; readonly region: string };
}

/** Events that start an attempt of a state; one that does not follow the state's entry is a retry. */
const ATTEMPT_EVENTS = new Set(["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled", "ParallelStateStarted", "MapStateStarted"]);

/**
 * Standard: one transition per state entered (in branches and iterations too) plus one per retry.
 * Express: one request, and the execution's duration (virtual time) at `memoryMb`.
 */
export function estimateCost(history: readonly BillableEvent[], memoryMb: number = PRICE_TABLE.express.memoryChunkMb): CostEstimate {
  const typeById = new Map<number, string>();
  let entered = 0;
  let retries = 0;
  for (const event of history) {
    typeById.set(event.id, event.type);
    if (event.type.endsWith("StateEntered")) entered++;
    // The first attempt follows the StateEntered event; a retry follows the failed attempt.
    else if (ATTEMPT_EVENTS.has(event.type) && !(typeById.get(event.previousEventId) ?? "").endsWith("StateEntered")) retries++;
  }
  const stateTransitions = entered + retries;
  const first = history[0]?.timestamp.getTime() ?? 0;
  const last = history[history.length - 1]?.timestamp.getTime() ?? first;
  const { perRequest, perGbSecond, durationIncrementMs, memoryChunkMb } = PRICE_TABLE.express;
  const billedDurationMs = Math.max(1, Math.ceil((last - first) / durationIncrementMs)) * durationIncrementMs;
  const billedMemoryMb = Math.max(1, Math.ceil(memoryMb / memoryChunkMb)) * memoryChunkMb;
  const gbSeconds = (billedDurationMs / 1000) * (billedMemoryMb / 1024);
  return {
    standard: { stateTransitions, retries, usd: stateTransitions * PRICE_TABLE.standard.perStateTransition },
    express: { requests: 1, billedDurationMs, memoryMb: billedMemoryMb, usd: perRequest + gbSeconds * perGbSecond },
    priceTable: { source: PRICE_TABLE.source, retrieved: PRICE_TABLE.retrieved, region: PRICE_TABLE.region },
  };
}

/** `$0.000125`: enough digits for a single execution's fraction of a cent. */
export function formatUsd(usd: number): string {
  if (usd === 0 || usd >= 0.01) return `$${usd.toFixed(2)}`;
  // Three significant digits: 0.000075 -> 0.0000750.
  return `$${usd.toFixed(2 - Math.floor(Math.log10(usd)))}`;
}
