/** The compiled definition: `@stepcraft/asl`'s own type, so the runtime, CLI and CDK read it directly. */
import type { StateMachineDefinition } from "@stepcraft/asl";

export type AslDefinition = StateMachineDefinition;
