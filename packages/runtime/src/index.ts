// @stepcraft/runtime public surface.
export { StatesError, isStatesError } from "./errors.ts";
