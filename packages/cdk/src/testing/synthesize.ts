// Synthesizes a CDK app into a cloud assembly directory of its own, as `cdk synth` writes cdk.out,
// so a test can read it with fromCdkOut without depending on an earlier `npm run synth`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";

/** A synthesized cloud assembly in a temporary directory. */
export interface SynthesizedCdkOut {
  /** The cloud assembly directory, for `fromCdkOut(directory, …)`. */
  readonly directory: string;
  /** Removes the directory (call it in `afterAll`). */
  dispose(): void;
}

/** Options of {@link synthesizeCdkOut}. */
export interface SynthesizeOptions {
  /** Extra context for the App (e.g. feature flags the app's cdk.json sets). @default {} */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * Builds the app's stacks with `build(app)` and synthesizes them into a new temporary directory.
 * Path metadata is on, as the CDK CLI synthesizes: the template then names each resource's
 * construct (`aws:cdk:path`), which fromCdkOut reports and binds by.
 * @example
 * const cdkOut = synthesizeCdkOut((app) => createStack(app));
 * afterAll(() => cdkOut.dispose());
 * const machine = fromCdkOut(cdkOut.directory);
 */
export function synthesizeCdkOut(build: (app: App) => unknown, options: SynthesizeOptions = {}): SynthesizedCdkOut {
  const directory = mkdtempSync(join(tmpdir(), "stepcraft-cdk-out-"));
  try {
    const app = new App({ outdir: directory, context: { "aws:cdk:enable-path-metadata": true, ...options.context } });
    build(app);
    app.synth();
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}
