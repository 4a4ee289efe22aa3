// For measurement only. The benchmark reports what the runtime's reliability bounds cost by
// running the same workloads in processes started with STEPCRAFT_MEASURE_WITHOUT_BOUNDS=1
// (`bench/src/bounds-overhead.ts`). Never set it otherwise: without the bounds one
// definition can hold the event loop for good, and results can be changed after the run.

/** The environment variable that turns the bounds off in a measuring process. */
export const WITHOUT_BOUNDS_VARIABLE = "STEPCRAFT_MEASURE_WITHOUT_BOUNDS";

/**
 * False only in a process measuring their cost: then executions never pause for the event loop,
 * general JSONata evaluations have no watchdog, and results and histories are not frozen. Read
 * once, when the runtime loads (`process` may be absent outside Node.js).
 */
export const BOUNDS_ON: boolean = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[WITHOUT_BOUNDS_VARIABLE] !== "1";
