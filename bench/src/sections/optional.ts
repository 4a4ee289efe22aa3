// Hooks for sections that other work will supply: the compiler (sections/compiler.ts) and the
// type-check comparison (sections/typecheck.ts). Each is optional: until its module exists the
// report prints "not measured yet" and the JSON has null, never a made-up number.
//
// Contract: the module exports `run(plan: Plan): Promise<Result>` with the result type below.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plan } from "../plan.ts";

/** Type-checking a stepcraft workflow vs the equivalent CDK one. */
export interface TypecheckResult {
  readonly ours_s: number;
  readonly cdk_s: number;
  /** ours_s / cdk_s. */
  readonly ratio: number;
  /** How many TS2589 ("type instantiation is excessively deep") errors our run reported. */
  readonly ts2589: number;
}

/** Compiling workflows to ASL; its fields are the compiler work's to define (numbers, names, flags). */
export type CompilerResult = Readonly<Record<string, number | string | boolean | null>>;

export interface OptionalSections {
  readonly compiler: CompilerResult;
  readonly typecheck: TypecheckResult;
}

type SectionModule<T> = { run(plan: Plan): Promise<T> };

/** Runs `sections/<name>.ts` when it exists; null when it does not. */
export async function runOptionalSection<K extends keyof OptionalSections>(
  name: K,
  plan: Plan,
): Promise<OptionalSections[K] | null> {
  const url = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  // A computed specifier: the module may not exist yet, so type-checking must not resolve it.
  const mod = (await import(url.href)) as Partial<SectionModule<OptionalSections[K]>>;
  if (typeof mod.run !== "function") throw new Error(`bench/src/sections/${name}.ts must export run(plan)`);
  return mod.run(plan);
}
