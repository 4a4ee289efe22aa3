/** A definition validator: true when it accepts the definition. */
export interface Validator {
  readonly name: string;
  validate(definition: unknown): boolean;
}
