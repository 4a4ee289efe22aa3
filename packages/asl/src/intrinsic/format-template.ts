/**
 * Split a States.Format template into the literal text around each `{}` placeholder:
 * `'a{}b{}'` → `["a", "b", ""]` (placeholders = pieces.length - 1). `\{`, `\}`, `\'` and `\\`
 * stand for the character itself; a backslash before any other character is kept as written.
 */
export function splitFormatTemplate(template: string): readonly string[] {
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    const next = template[i + 1];
    if (ch === "\\" && (next === "{" || next === "}" || next === "'" || next === "\\")) {
      current += next;
      i++;
    } else if (ch === "{" && next === "}") {
      pieces.push(current);
      current = "";
      i++;
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}
