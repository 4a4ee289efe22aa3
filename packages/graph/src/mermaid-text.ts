// Mermaid's flowchart grammar reserves many characters (and words such as `end`), while state names
// may hold anything. Ids are therefore built from a safe alphabet, and labels are always quoted
// with the dangerous characters written as Mermaid entity codes.

const ENTITIES: Readonly<Record<string, string>> = {
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
  "|": "#124;",
};

/** Label text that is safe inside Mermaid double quotes (entity-escaped, one line). */
export function mermaidLabel(text: string): string {
  // Control characters (newlines included) would end the statement, so they become spaces.
  return text.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/["#&<>`|]/g, (c) => ENTITIES[c] ?? c);
}

/** Hands out unique Mermaid ids (`st_<ascii>`), the same ones for the same sequence of requests. */
export class MermaidIds {
  private readonly used = new Set<string>();

  /** A fresh id derived from `text`; collisions get `_2`, `_3`, … in request order. */
  create(text: string, prefix = "st_"): string {
    // Accents are dropped first (é -> e) so ids of non-English names stay readable.
    const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    const base = `${prefix}${ascii.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "x"}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}
