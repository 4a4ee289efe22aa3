// The number literals of recorded JSON texts, to compare how numbers are written (`1.0` vs `1`).
/** The number literals of a JSON text in order of appearance, exactly as written (`1.0` stays `1.0`). */
export function numberTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      const token = m?.[0] ?? c;
      out.push(token);
      i += token.length;
    } else i++;
  }
  return out;
}
