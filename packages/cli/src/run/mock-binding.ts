/**
 * Binds Task states to a Step Functions Local mock config (`MockConfigFile.json`) through the
 * runtime's `loadMockConfig` / `mockResolverFor`. They are looked up on the runtime's exports at
 * run time, so `--mock-config` starts working as soon as the runtime exports them.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as runtime from "@stepcraft/runtime";
import type { TaskResolver } from "@stepcraft/runtime";
import { UsageError } from "../io.ts";

interface MockApi {
  loadMockConfig(jsonOrText: unknown): unknown;
  mockResolverFor(config: unknown, stateMachineName: string, testCaseName: string): TaskResolver;
}

function mockApi(): MockApi | undefined {
  const exports: Record<string, unknown> = { ...runtime };
  const load = exports["loadMockConfig"];
  const resolver = exports["mockResolverFor"];
  if (typeof load !== "function" || typeof resolver !== "function") return undefined;
  return { loadMockConfig: load as MockApi["loadMockConfig"], mockResolverFor: resolver as MockApi["mockResolverFor"] };
}

/** The TaskResolver for `--mock-config <file> --test-case <name>`; usage errors name the file and the fix. */
export async function mockResolver(file: string, testCase: string, machineName: string, cwd: string): Promise<TaskResolver> {
  const api = mockApi();
  if (api === undefined) {
    throw new UsageError("--mock-config is not available yet: this @stepcraft/runtime does not export loadMockConfig/mockResolverFor; bind tasks in a test with prepareStateMachine(definition, { tasks }) meanwhile");
  }
  const text = await readFile(resolve(cwd, file), "utf8").catch(() => {
    throw new UsageError(`cannot read mock config '${file}': no such file (check the path; it is resolved from ${cwd})`);
  });
  try {
    return api.mockResolverFor(api.loadMockConfig(text), machineName, testCase);
  } catch (error) {
    throw new UsageError(`mock config '${file}': ${error instanceof Error ? error.message : String(error)}`);
  }
}
