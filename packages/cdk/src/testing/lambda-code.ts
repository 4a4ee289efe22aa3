// Loads a Lambda function's handler in-process from what the synthesized template deploys: the
// bundled asset directory in the cloud assembly (a NodejsFunction's esbuild output of its entry,
// or any Code.fromAsset directory of JavaScript) or inline code (Code.fromInline).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { TemplateResource } from "./template.ts";

/** A loaded Lambda handler, called with the event only (there is no Lambda context locally). */
export type LambdaHandler = (event: unknown) => unknown;

/** Why a function's code cannot run in-process, phrased to follow "its code …". */
export interface UnloadableCode {
  readonly reason: string;
}

/** How to find a function's code: its asset directory by S3 object key, when an assembly is known. */
export type AssetLookup = (objectKey: string) => string | undefined;

const NODE_RUNTIME = /^nodejs/;
const EXTENSIONS = [".js", ".cjs", ".mjs"] as const;

/** A loader for the function's handler (called on first invocation), or why there is none. */
export function lambdaCodeLoader(resource: TemplateResource, assets: AssetLookup | undefined): (() => Promise<LambdaHandler>) | UnloadableCode {
  const props = resource.Properties ?? {};
  const runtime = props["Runtime"];
  if (typeof runtime === "string" && !NODE_RUNTIME.test(runtime)) return { reason: `is for the ${runtime} runtime, which does not run in-process` };
  const handler = typeof props["Handler"] === "string" ? props["Handler"] : undefined;
  if (handler === undefined) return { reason: "has no Handler (a container image, which does not run in-process)" };
  const dot = handler.lastIndexOf(".");
  const [file, exportName] = dot < 0 ? [handler, "handler"] : [handler.slice(0, dot), handler.slice(dot + 1)];
  const code = (props["Code"] ?? {}) as Record<string, unknown>;
  if (typeof code["ZipFile"] === "string") {
    const source = code["ZipFile"];
    return async () => pickHandler(evaluateInline(source), exportName, "its inline code");
  }
  const key = code["S3Key"];
  if (typeof key !== "string") return { reason: "is not inline or an asset of this app (its code is not in the template)" };
  if (assets === undefined) return { reason: "is an asset, and a bare template does not carry assets (use fromStack or fromCdkOut)" };
  const directory = assets(key);
  if (directory === undefined) return { reason: `is the asset ${key}, which the cloud assembly does not list` };
  const path = EXTENSIONS.map((ext) => join(directory, `${file}${ext}`)).find((candidate) => existsSync(candidate));
  if (path === undefined) {
    return {
      reason:
        `has no ${file}.js in its asset ${directory} (was bundling skipped? Synthesize without the ` +
        `'aws:cdk:bundling-stacks' context, so NodejsFunction bundles its entry)`,
    };
  }
  return async () => pickHandler(await loadModule(path), exportName, path);
}

async function loadModule(path: string): Promise<unknown> {
  // require() keeps this working under jest's CommonJS; ESM bundles (.mjs) need import().
  if (!path.endsWith(".mjs")) {
    try {
      // Resolved from the bundle itself: no import.meta, so the CommonJS build loads it the same way.
      return createRequire(path)(path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ERR_REQUIRE_ESM") throw error;
    }
  }
  return import(pathToFileURL(path).href);
}

/** Runs inline code as the CommonJS module Lambda's Node.js runtime makes of `index.js`. */
function evaluateInline(source: string): unknown {
  const module = { exports: {} as unknown };
  // Inline code is the app's own code, deployed as is: run it the way Lambda would load it.
  const body = new Function("exports", "require", "module", "__filename", "__dirname", source) as (...args: unknown[]) => void;
  // Inline code can require Node's built-ins (and what the project has installed), as from /var/task.
  body(module.exports, createRequire(join(process.cwd(), "index.js")), module, "/var/task/index.js", "/var/task");
  return module.exports;
}

function pickHandler(loaded: unknown, exportName: string, where: string): LambdaHandler {
  const exports = loaded as Record<string, unknown> | undefined;
  const candidate = exports?.[exportName] ?? (exports?.["default"] as Record<string, unknown> | undefined)?.[exportName];
  if (typeof candidate !== "function") throw new TypeError(`${where} exports no function '${exportName}' (the function's Handler names it)`);
  const fn = candidate as LambdaHandler;
  return (event) => fn(event);
}
