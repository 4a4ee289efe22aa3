// Finds a synthesized asset (a function's bundle, a fromFile definition) in a cloud assembly
// directory through the stack's asset manifest, by the S3 object key the template names.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AssetLookup } from "./lambda-code.ts";

interface AssetManifest {
  readonly files?: Readonly<Record<string, { readonly source?: { readonly path?: string }; readonly destinations?: Readonly<Record<string, { readonly objectKey?: string }>> }>>;
}

/** Asset paths by object key, from every `*.assets.json` of the assembly directory. */
export function assemblyAssets(directory: string): AssetLookup {
  const byKey = new Map<string, string>();
  const manifests = existsSync(directory) ? readdirSync(directory).filter((file) => file.endsWith(".assets.json")) : [];
  for (const file of manifests) {
    const manifest = JSON.parse(readFileSync(join(directory, file), "utf8")) as AssetManifest;
    for (const asset of Object.values(manifest.files ?? {})) {
      const path = asset.source?.path;
      if (typeof path !== "string") continue;
      for (const destination of Object.values(asset.destinations ?? {})) {
        if (typeof destination.objectKey === "string") byKey.set(destination.objectKey, join(directory, path));
      }
    }
  }
  return (objectKey) => byKey.get(objectKey);
}
