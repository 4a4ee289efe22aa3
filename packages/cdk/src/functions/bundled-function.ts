/**
 * A NodejsFunction for a declared handler, bundled by the local esbuild (never Docker), so synth
 * works offline and in CI without a container runtime.
 */
import { isAbsolute, resolve } from "node:path";
import { Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, type NodejsFunctionProps } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";
import type { LambdaDeclaration } from "./lambda-declaration.ts";

/** Options that shape every bundled function. */
export interface BundlingDefaults {
  /** Directory relative `entry` paths are resolved against. */
  readonly entryRoot: string;
  /** Props for every function (runtime, memory, bundling, environment…). */
  readonly defaults: NodejsFunctionProps;
  /** Props for one function, by its name in the ASL, applied over `defaults`. */
  readonly overrides: NodejsFunctionProps | undefined;
}

/** Bundles one declared handler into a NodejsFunction under `scope`. */
export function bundledFunction(scope: Construct, id: string, declaration: LambdaDeclaration, options: BundlingDefaults): NodejsFunction {
  const { defaults, overrides } = options;
  const entry = isAbsolute(declaration.entry) ? declaration.entry : resolve(options.entryRoot, declaration.entry);
  return new NodejsFunction(scope, id, {
    runtime: Runtime.NODEJS_22_X,
    ...defaults,
    ...overrides,
    entry,
    bundling: {
      // Local esbuild only: Docker is not required (and not available everywhere synth runs).
      forceDockerBundling: false,
      ...defaults.bundling,
      ...overrides?.bundling,
    },
  });
}
