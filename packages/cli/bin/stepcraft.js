#!/usr/bin/env node
// Runs the compiled CLI (dist/esm, written by `npm run build`; `npm ci` in the repository builds it).
import { main } from "../dist/esm/main.js";

process.exitCode = await main(process.argv.slice(2));
