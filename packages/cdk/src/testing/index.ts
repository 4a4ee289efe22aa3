// @stepcraft/cdk/testing: run the state machines a CDK app synthesizes (written with or without
// stepcraft) on the local runtime, with their functions' code in-process.
export { fromCdkOut, fromStack, fromTemplate } from "./sources.ts";
export type { FromCdkOutOptions, FromTemplateOptions, PlaceOptions } from "./sources.ts";
export { synthesizeCdkOut } from "./synthesize.ts";
export type { SynthesizeOptions, SynthesizedCdkOut } from "./synthesize.ts";
export type { CdkMachineOptions, CdkStateMachine } from "./cdk-state-machine.ts";
export type { ConstructInfo } from "./stack-model.ts";
export type { CloudFormationTemplate, TemplateResource } from "./template.ts";
export { CdkTestingError } from "./template.ts";
