/**
 * The `StringMatches` pattern language: `*` matches any run of characters (including none);
 * `\*` is a literal star and `\\` a literal backslash (written `\\*` and `\\\\` inside JSON).
 * Nothing else is special. The pattern is split once into the literal pieces between stars,
 * so a match is a prefix test, a suffix test and an in-order `indexOf` for the middle pieces:
 * no RegExp (whose escaping would be one more thing to get wrong) and no allocation per match.
 */

/** A compiled pattern, or why the pattern is malformed. */
export type StringPattern =
  | { readonly ok: true; readonly matches: (text: string) => boolean }
  | { readonly ok: false; readonly reason: string };

/** Compiles a `StringMatches` pattern; a trailing lone `\` makes it malformed. */
export function compileStringPattern(pattern: string): StringPattern {
  const pieces: string[] = [];
  let piece = "";
  let starCount = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) {
        return { ok: false, reason: `The pattern '${pattern}' ends with an unescaped backslash` };
      }
      // [?] AWS documents only `\*` and `\\`; any other escaped character is taken literally.
      piece += next;
      i++;
    } else if (c === "*") {
      pieces.push(piece);
      piece = "";
      starCount++;
    } else {
      piece += c;
    }
  }
  pieces.push(piece);

  if (starCount === 0) {
    const literal = pieces[0] ?? "";
    return { ok: true, matches: (text) => text === literal };
  }
  const head = pieces[0] ?? "";
  const tail = pieces[pieces.length - 1] ?? "";
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  const minLength = head.length + tail.length;
  if (middle.length === 0) {
    return {
      ok: true,
      matches: (text) => text.length >= minLength && text.startsWith(head) && text.endsWith(tail),
    };
  }
  return {
    ok: true,
    matches: (text) => {
      if (text.length < minLength || !text.startsWith(head) || !text.endsWith(tail)) return false;
      // Leftmost placement of each middle piece is optimal: it leaves the most room for the rest.
      const end = text.length - tail.length;
      let from = head.length;
      for (const p of middle) {
        const at = text.indexOf(p, from);
        if (at < 0 || at + p.length > end) return false;
        from = at + p.length;
      }
      return true;
    },
  };
}
