// The peer validator, asl-validator (root devDependency). It ships no type declarations, so it
// is loaded through require and given the one signature we use.
import { createRequire } from "node:module";
import type { Validator } from "./validator.ts";

interface AslValidatorResult {
  readonly isValid: boolean;
}
type AslValidator = (definition: unknown, options?: { readonly checkPaths?: boolean; readonly checkArn?: boolean }) => AslValidatorResult;

const aslValidator = createRequire(import.meta.url)("asl-validator") as AslValidator;

export const aslValidatorPeer: Validator = {
  name: "asl-validator",
  validate: (definition) => aslValidator(definition).isValid,
};
