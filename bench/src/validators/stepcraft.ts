// Our validator, as the benchmark calls it.
import { validateDefinition } from "@stepcraft/asl";
import type { Validator } from "./validator.ts";

export const stepcraftValidator: Validator = {
  name: "@stepcraft/asl",
  // Warnings do not make a definition invalid; only errors do.
  validate: (definition) => !validateDefinition(definition).some((d) => d.severity === "error"),
};
