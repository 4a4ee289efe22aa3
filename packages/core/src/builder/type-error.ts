/**
 * A readable type error: a branded interface carrying a message, shown in the editor where a
 * plain `never` would only say "not assignable to never" (after kysely's `type-error.ts`).
 */
declare const typeErrorMessage: unique symbol;

export interface StepcraftTypeError<Message extends string> {
  readonly [typeErrorMessage]: Message;
}
