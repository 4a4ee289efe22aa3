// Workflow coverage: recording, saved data, summaries, reports and thresholds.
export { CoverageRecorder, activeCoverageRecorder, definitionHash, startCoverageRecording, stopCoverageRecording } from "./recorder.ts";
export { CoverageDataError, mergeCoverage, readCoverageData } from "./coverage-data.ts";
export type { CoverageData, MachineCoverage, StateCounts } from "./coverage-data.ts";
export { COVERAGE_METRICS, summarizeMachine } from "./coverage-summary.ts";
export type { CoverageEdgeKind, CoverageItem, CoverageMetric, MachineSummary, MetricSummary } from "./coverage-summary.ts";
export { formatCoverageLine, formatCoverageTable } from "./coverage-table.ts";
export { CoverageThresholdError, checkThresholds, thresholdFailures } from "./coverage-thresholds.ts";
export type { CoverageThresholds } from "./coverage-thresholds.ts";
export { toLcov } from "./coverage-lcov.ts";
export { COVERAGE_DIR_ENV, beginCoverageRun, endCoverageRun, finishCoverageRun, readCoverageFragments, recordCoverageForRun, writeCoverageReport } from "./coverage-run.ts";
export type { CoverageHtmlRenderer, CoverageRunOptions, CoverageRunResult } from "./coverage-run.ts";
