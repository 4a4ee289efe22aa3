// Conformance-case running and scoring (used by scripts/conformance.ts and the CI gate).
export type { CaseActual, CaseExecution, CaseExpectation, CaseLambda, ConformanceCase } from "./case-types.ts";
export { compareOutcome, historyMatches } from "./compare.ts";
export { runCase, historySignature } from "./run-case.ts";
export type { HandlerFactory } from "./run-case.ts";
export { buildReport, formatReport } from "./report.ts";
export type { ConformanceFailure, ConformanceReport } from "./report.ts";
export { runCases } from "./run-cases.ts";
