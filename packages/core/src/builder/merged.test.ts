import { describe, expectTypeOf, it } from "vitest";
import type { MergeFields } from "./merged.ts";
import type { MergeVars } from "./template.ts";

interface Order {
  readonly id: string;
  readonly notes?: string;
}

type Added = MergeFields<Order, { readonly total: number }>;
type Twice = MergeFields<MergeFields<Added, { readonly tax: number }>, { readonly paid: boolean }>;

describe("merged object types (variables, resultField)", () => {
  it("add fields as one flat object, optional fields staying optional", () => {
    expectTypeOf<Added>().toEqualTypeOf<{ readonly id: string; readonly notes?: string; readonly total: number }>();
    expectTypeOf<Twice>().toEqualTypeOf<{ readonly id: string; readonly notes?: string; readonly total: number; readonly tax: number; readonly paid: boolean }>();
  });

  it("replace a field of the same name (its new type, never an intersection), from the first input or a later merge", () => {
    expectTypeOf<MergeFields<Twice, { readonly total: string }>>().toEqualTypeOf<{ readonly id: string; readonly notes?: string; readonly total: string; readonly tax: number; readonly paid: boolean }>();
    expectTypeOf<MergeFields<Twice, { readonly id: number }>>().toEqualTypeOf<{ readonly id: number; readonly notes?: string; readonly total: number; readonly tax: number; readonly paid: boolean }>();
    type Again = MergeFields<MergeFields<MergeFields<Twice, { readonly total: string }>, { readonly total: boolean }>, { readonly tax: null }>;
    expectTypeOf<Again>().toEqualTypeOf<{ readonly id: string; readonly notes?: string; readonly total: boolean; readonly tax: null; readonly paid: boolean }>();
  });

  it("merge a union input member by member", () => {
    type Either = MergeFields<{ readonly kind: "a"; readonly a: number } | { readonly kind: "b"; readonly b: string }, { readonly r: boolean }>;
    expectTypeOf<Either>().toEqualTypeOf<{ readonly kind: "a"; readonly a: number; readonly r: boolean } | { readonly kind: "b"; readonly b: string; readonly r: boolean }>();
  });

  it("start from nothing: the first source is the object", () => {
    expectTypeOf<MergeFields<{}, { readonly total: number }>>().toEqualTypeOf<{ readonly total: number }>();
    expectTypeOf<MergeFields<unknown, { readonly total: number }>>().toEqualTypeOf<{ readonly total: number }>();
  });

  it("variables: an Assign adds or replaces names, in one flat object", () => {
    type Vars = MergeVars<MergeVars<{}, { total: number; ref: string }>, { total: boolean; count: number }>;
    expectTypeOf<Vars>().toEqualTypeOf<{ readonly total: boolean; readonly ref: string; readonly count: number }>();
    expectTypeOf<MergeVars<Vars, {}>>().toEqualTypeOf<Vars>();
  });
});
