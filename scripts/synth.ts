// `npm run synth`: synthesizes every example's CDK app with the CDK CLI into
// examples/<name>/cdk.out, offline. The stacks are environment-agnostic and make no lookups, so
// no AWS account, credentials or network are needed; the environment below makes sure the CLI
// does not go looking for them either.
// Usage: npm run synth [-- <example name>...]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXAMPLES = join(ROOT, "examples");
const CDK = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "cdk.cmd" : "cdk");

const OFFLINE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  // Dummies: an env-agnostic stack ignores them, and the CLI then has no reason to ask AWS.
  CDK_DEFAULT_ACCOUNT: process.env["CDK_DEFAULT_ACCOUNT"] ?? "000000000000",
  CDK_DEFAULT_REGION: process.env["CDK_DEFAULT_REGION"] ?? "us-east-1",
  // Without credentials the AWS SDK would probe the EC2 metadata endpoint and wait for a timeout.
  AWS_EC2_METADATA_DISABLED: "true",
  CDK_DISABLE_CLI_TELEMETRY: "true",
};

const all = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES, entry.name, "cdk", "app.ts")))
  .map((entry) => entry.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`no example named ${unknown.join(", ")}; there are: ${all.join(", ")}`);
  process.exit(2);
}

const failed: string[] = [];
for (const name of wanted.length > 0 ? wanted : all) {
  const dir = join(EXAMPLES, name);
  const out = join(dir, "cdk.out");
  console.log(`\n━━━ ${name}: cdk synth → ${relative(ROOT, out)}`);
  const started = Date.now();
  const result = spawnSync(
    CDK,
    ["synth", "--app", "node --import tsx cdk/app.ts", "--output", "cdk.out", "--quiet", "--no-notices", "--no-version-reporting", "--no-lookups", "--ci"],
    { cwd: dir, env: OFFLINE_ENV, stdio: "inherit" },
  );
  if (result.status === 0) {
    const templates = readdirSync(out).filter((file) => file.endsWith(".template.json"));
    console.log(`  ✓ ${templates.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } else {
    console.log(`  ✗ cdk synth exited with ${result.status ?? result.signal ?? "an error"}${result.error === undefined ? "" : `: ${result.error.message}`}`);
    failed.push(name);
  }
}
console.log(failed.length === 0 ? `\nsynthesized ${all.length === 0 ? "no" : (wanted.length > 0 ? wanted : all).length} example stack(s) offline` : `\nfailed: ${failed.join(", ")}`);
process.exitCode = failed.length === 0 ? 0 : 1;
