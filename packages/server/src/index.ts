// @stepcraft/server public surface: the local Step Functions service.
export { startServer } from "./server.ts";
export type { RunningServer, ServerOptions } from "./server.ts";
export { AwsError } from "./protocol/aws-error.ts";
export { DataDirectoryInUseError } from "./store/database.ts";
export type { InputSchema } from "./console/input-check.ts";
