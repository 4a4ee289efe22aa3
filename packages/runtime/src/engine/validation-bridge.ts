/**
 * The one place the runtime gets definition validation from (`@stepcraft/asl`'s
 * `validateDefinition`). TEMPORARY: the validator has not landed yet, so nothing is checked here
 * beyond what compiling the definition checks.
 */
export function validateBeforePrepare(definition: object): void {
  void definition;
}
