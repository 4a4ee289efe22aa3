// The layout runs without a browser, so text size is estimated. Estimates err wide (the
// browser test checks real text boxes stay inside their nodes) and long text wraps.

/** Estimated advance of one character at `fontSize` px in a sans-serif font. */
export function charWidth(char: string, fontSize: number): number {
  const code = char.codePointAt(0) ?? 0;
  // East Asian, emoji and other wide glyphs take about a full em.
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300)) {
    return fontSize;
  }
  if (/[A-Z@#%&MW_~]/.test(char) || (code >= 0x41 && code <= 0x5a)) return fontSize * 0.72;
  if (/[ilIj.,:;'|!()[\]{} ]/.test(char)) return fontSize * 0.36;
  return fontSize * 0.6;
}

/** Estimated width of a single line of text. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, fontSize);
  return Math.ceil(width);
}

/**
 * Breaks text into at most `maxLines` lines no wider than `maxWidth`, at spaces when it can and
 * anywhere when a word is too long; the last line ends with "…" when text is left over.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  let lastSpace = -1;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    if (textWidth(line + char, fontSize) <= maxWidth || line === "") {
      if (char === " ") lastSpace = line.length;
      line += char;
      continue;
    }
    // Break at the last space on the line when there is one, carrying the rest of the word over.
    let carry = "";
    if (char !== " " && lastSpace > 0) {
      carry = line.slice(lastSpace + 1);
      line = line.slice(0, lastSpace);
    }
    lines.push(line.trimEnd());
    line = char === " " ? carry : carry + char;
    lastSpace = -1;
    if (lines.length === maxLines) {
      const last = lines.pop() ?? "";
      lines.push(ellipsize(last, fontSize, maxWidth));
      return lines;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

function ellipsize(line: string, fontSize: number, maxWidth: number): string {
  const chars = Array.from(line);
  while (chars.length > 0 && textWidth(`${chars.join("")}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}
