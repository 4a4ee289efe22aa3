/**
 * The shape of a fast evaluator: the bindings of one evaluation (`states` and each workflow
 * variable the expression mentions) in, the value JSONata would give out, or {@link FALLBACK}.
 */
export type FastEvaluator = (bindings: Readonly<Record<string, unknown>>) => unknown;

/** Returned by a {@link FastEvaluator} that cannot answer: evaluate with JSONata instead. */
export const FALLBACK: unique symbol = Symbol("evaluate with JSONata");
