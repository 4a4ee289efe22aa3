import { readFileSync } from "node:fs";

/**
 * The CLI's version from its package.json, found from this module whether it runs from src/
 * (in the repository) or from dist/esm/ (installed).
 */
export function cliVersion(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const json = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
      if (json.name === "@stepcraft/cli" && typeof json.version === "string") return json.version;
    } catch {
      // Not at this level: try the next one up.
    }
  }
  throw new Error("@stepcraft/cli: its package.json was not found beside src/ or dist/esm/; reinstall the package");
}
