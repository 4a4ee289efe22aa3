#!/usr/bin/env node
// Runs the CLI from its TypeScript source: the workspace has no build step, so tsx's loader
// is registered before the entry module is imported.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
