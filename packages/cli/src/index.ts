// @stepcraft/cli public surface: the command's entry point, for embedding and tests.
export { main } from "./main.ts";
export type { CliIo } from "./io.ts";
export { coverageHtmlPages } from "./coverage/coverage-html.ts";
