/**
 * Binds Task states to an AWS Step Functions Local mock config (`MockConfigFile.json`): one test
 * case of one state machine, through the runtime's `loadMockConfig` / `mockResolverFor`.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadMockConfig, MockConfigError, mockResolverFor, type TaskResolver } from "@stepcraft/runtime";
import { UsageError } from "../io.ts";

/**
 * The TaskResolver for `--mock-config <file> --test-case <name>`; problems are usage errors naming
 * the file. Tasks the test case does not mock go to `fallback` (as Step Functions Local calls the
 * real function): the workflow's own handlers.
 */
export async function mockResolver(file: string, testCase: string, machineName: string, cwd: string, fallback?: TaskResolver): Promise<TaskResolver> {
  const text = await readFile(resolve(cwd, file), "utf8").catch(() => {
    throw new UsageError(`cannot read mock config '${file}': no such file (check the path; it is resolved from ${cwd})`);
  });
  try {
    return mockResolverFor(loadMockConfig(text), machineName, testCase, fallback === undefined ? {} : { fallback });
  } catch (error) {
    if (!(error instanceof MockConfigError)) throw error;
    const hint = error.message.includes("Unknown state machine") ? `\n  (the state machine name is '${machineName}'; choose another with --state-machine <name>)` : "";
    throw new UsageError(`mock config '${file}': ${error.message}${hint}`);
  }
}
