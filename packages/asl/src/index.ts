// @stepcraft/asl public surface.
export {};
