// AWS's one size limit on a definition, applied wherever a definition comes in: text (the CLI,
// parseDefinition) and objects (validateDefinition, hence the runtime and the builder, on the
// compact JSON text it writes).
import { diagnostic, type Diagnostic } from "../diagnostic.ts";

/** Largest definition AWS accepts (CreateStateMachine's `definition`): 1 MiB of UTF-8 JSON. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** DEFINITION_TOO_LARGE for a definition of `bytes` bytes. */
export function definitionTooLarge(bytes: number): Diagnostic {
  return diagnostic(
    "DEFINITION_TOO_LARGE",
    "",
    `The definition is ${bytes} bytes; AWS accepts definitions up to ${MAX_DEFINITION_BYTES} bytes (1 MiB). Split the workflow into nested state machines or move data out of the definition.`,
  );
}

/** DEFINITION_TOO_LARGE when the JSON text is over the limit, else undefined. */
export function checkDefinitionTextSize(text: string): Diagnostic | undefined {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short texts skip the exact count.
  if (text.length * 3 <= MAX_DEFINITION_BYTES) return undefined;
  const bytes = utf8Length(text);
  return bytes > MAX_DEFINITION_BYTES ? definitionTooLarge(bytes) : undefined;
}

/** UTF-8 length without Buffer (the package stays free of Node APIs). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
