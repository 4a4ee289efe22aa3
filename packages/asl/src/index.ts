// @stepcraft/asl public surface.
export * from "./jsonpath/index.ts";
export * from "./intrinsic/index.ts";
