import type { JsonPathAst } from "../jsonpath/jsonpath-ast.ts";

/** An argument of an intrinsic function call; `offset` is where it starts in the parsed text. */
export type IntrinsicArgument =
  /** `'text'`: `value` has the escapes resolved, `raw` is the text between the quotes as written. */
  | { readonly kind: "string"; readonly value: string; readonly raw: string; readonly offset: number }
  | { readonly kind: "number"; readonly value: number; readonly offset: number }
  | { readonly kind: "boolean"; readonly value: boolean; readonly offset: number }
  | { readonly kind: "null"; readonly offset: number }
  /** `$.x`, `$$.x`, `$var.x`. */
  | { readonly kind: "path"; readonly path: JsonPathAst; readonly offset: number }
  | { readonly kind: "call"; readonly call: IntrinsicCall; readonly offset: number };

/** A parsed `States.Name(arg, …)` call. */
export interface IntrinsicCall {
  /** The full name, e.g. `States.Format`. */
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
  /** Where the call (its name) starts in the parsed text. */
  readonly offset: number;
}
