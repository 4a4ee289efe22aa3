#!/usr/bin/env node
// `npm create stepcraft my-app` runs this: the same scaffold as `npx stepcraft init my-app`.
import { main } from "@stepcraft/cli";

process.exitCode = await main(["init", ...process.argv.slice(2)]);
