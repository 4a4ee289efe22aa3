// Runs a bench child process (node with `args`, from the repository's root) and parses the JSON
// report it prints as its last line of output.
import { spawn } from "node:child_process";
import { repoRoot } from "./paths.ts";

/** The child's report; rejects with the end of its stderr when it printed none (`what` names it). */
export function runJsonChild<Report>(args: readonly string[], what: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as Report);
      } catch {
        reject(new Error(`${what} exited ${String(code)} without a report: ${stderr.trim().slice(-500)}`));
      }
    });
  });
}
