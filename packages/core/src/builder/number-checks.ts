/**
 * Number fields AWS checks when it accepts a definition (Wait `Seconds`, Retrier numbers, Map
 * `MaxConcurrency` and tolerated failures): a number literal out of range is a type error, read
 * from the literal's text (`${N}`), which costs a few template-literal matches. `number` and
 * computed values pass: the validator checks them when the workflow compiles, with the call site.
 * Ranges: ../../../../docs/builder.md ("Numbers AWS refuses").
 */
import type { StepcraftTypeError } from "./type-error.ts";

/** What AWS accepts for one field. */
export interface NumberRule {
  /** The least value. */
  readonly min: 0 | 1;
  /** Whole numbers only (`MaxAttempts`, `Seconds`…), or any number at least `min` (`BackoffRate`). */
  readonly integer: boolean;
  /** An upper bound checked from the text: at most 100, or at most 8 digits (`99999999`, AWS's usual limit). */
  readonly max?: "100" | "8 digits";
}

/** `unknown` for a number literal AWS accepts, a computed value or `number`; the type error `Message` for a literal out of range. */
export type CheckedNumber<N, Rule extends NumberRule, Message extends string> = number extends N
  ? unknown
  : N extends number
    ? OutOfRange<`${N}`, Rule> extends true
      ? StepcraftTypeError<Message>
      : unknown
    : unknown;

type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

type OutOfRange<T extends string, Rule extends NumberRule> = T extends `-${string}`
  ? true
  : Rule["min"] extends 1 ? (T extends "0" | `0.${string}` ? true : MaxOrInteger<T, Rule>) : MaxOrInteger<T, Rule>;

type MaxOrInteger<T extends string, Rule extends NumberRule> = Rule["integer"] extends true
  ? T extends `${string}.${string}` | `${string}e-${string}`
    ? true
    : AboveMax<T, Rule["max"]>
  : AboveMax<T, Rule["max"]>;

// `1e+21` and beyond are printed in exponent form: above either bound.
type AboveMax<T extends string, Max> = Max extends "100"
  ? T extends "100"
    ? false
    : T extends `${string}e+${string}`
      ? true
      : LeadingDigits<T, 3>
  : Max extends "8 digits"
    ? T extends `${string}e+${string}`
      ? true
      : LeadingDigits<T, 9>
    : false;

/** Whether `T` starts with `Count` (3 or 9) digits. */
type LeadingDigits<T extends string, Count extends 3 | 9> = Count extends 3
  ? T extends `${infer A}${infer B}${infer C}${string}`
    ? [A | B | C] extends [Digit]
      ? true
      : false
    : false
  : T extends `${infer A}${infer B}${infer C}${infer D}${infer E}${infer F}${infer G}${infer H}${infer I}${string}`
    ? [A | B | C | D | E | F | G | H | I] extends [Digit]
      ? true
      : false
    : false;
