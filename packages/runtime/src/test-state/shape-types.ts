// The compact form of AWS operation output shapes in service-shapes.json (written by
// scripts/generate-service-shapes.ts from the AWS SDK v3 clients' schemas).

/** A simple type, a list or map of a type, or a named structure of the same service. */
export type ShapeRef =
  | "string"
  | "number"
  | "boolean"
  | "timestamp"
  | "blob"
  | "document"
  | { readonly list: ShapeRef }
  | { readonly map: ShapeRef }
  | { readonly shape: string };

/** A structure (or union: at most one member set) with its members in PascalCase. */
export interface StructureShape {
  readonly members: Readonly<Record<string, ShapeRef>>;
  readonly required: readonly string[];
  readonly union?: boolean;
}

export type ShapeTable = Readonly<Record<string, StructureShape>>;

export interface ServiceShapes {
  readonly source: string;
  /** By the service name of `aws-sdk:<service>:<action>` resources. */
  readonly services: Readonly<
    Record<
      string,
      {
        /** Output shape by operation name (PascalCase, `Invoke`, `SendMessage`). */
        readonly operations: Readonly<Record<string, ShapeRef>>;
        readonly shapes: ShapeTable;
      }
    >
  >;
}
