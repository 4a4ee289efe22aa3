import { describe, expectTypeOf, it } from "vitest";
import type { CheckedNumber } from "./number-checks.ts";
import type { StepcraftTypeError } from "./type-error.ts";

type Count = { min: 0; integer: true; max: "8 digits" };
type Positive = { min: 1; integer: true; max: "8 digits" };
type Rate = { min: 1; integer: false };
type Percent = { min: 0; integer: false; max: "100" };
type Refused<N, Rule extends Count | Positive | Rate | Percent> = CheckedNumber<N, Rule, "no"> extends StepcraftTypeError<"no"> ? true : false;

describe("number literals AWS refuses, read from their text", () => {
  it("below the least value", () => {
    expectTypeOf<Refused<-1, Count>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<0, Count>>().toEqualTypeOf<false>();
    expectTypeOf<Refused<0, Positive>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1, Positive>>().toEqualTypeOf<false>();
    expectTypeOf<Refused<0.5, Rate>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<-0.5, Percent>>().toEqualTypeOf<true>();
  });

  it("not whole where AWS takes whole numbers only", () => {
    expectTypeOf<Refused<2.5, Count>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1e-7, Count>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1.5, Rate>>().toEqualTypeOf<false>();
    expectTypeOf<Refused<99.5, Percent>>().toEqualTypeOf<false>();
  });

  it("above the bound: 100, or more than 8 digits", () => {
    expectTypeOf<Refused<100, Percent>>().toEqualTypeOf<false>();
    expectTypeOf<Refused<101, Percent>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<100.5, Percent>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1000, Percent>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<99999999, Count>>().toEqualTypeOf<false>();
    expectTypeOf<Refused<100000000, Count>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1e21, Count>>().toEqualTypeOf<true>();
    expectTypeOf<Refused<1e21, Rate>>().toEqualTypeOf<false>();
  });

  it("never for `number` or a union holding it: those are checked when the workflow compiles", () => {
    expectTypeOf<Refused<number, Count>>().toEqualTypeOf<false>();
    expectTypeOf<CheckedNumber<number, Count, "no">>().toEqualTypeOf<unknown>();
    expectTypeOf<CheckedNumber<() => number, Count, "no">>().toEqualTypeOf<unknown>();
  });
});
