/** JSON values as TypeScript literals: identifier keys unquoted, everything else as JSON spells it. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as TypeScript writes it. */
export function keyCode(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** A JSON value as a TypeScript expression (the formatter lays it out later). */
export function jsonCode(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return layout("[", value.map((v) => jsonCode(v)), "]");
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return layout("{", entries.map(([k, v]) => `${keyCode(k)}: ${jsonCode(v)}`), "}");
}

/** Short lists on one line, long ones one item a line (the formatter indents them). */
function layout(open: string, items: readonly string[], close: string): string {
  const pad = open === "{" ? " " : "";
  const inline = `${open}${pad}${items.join(", ")}${pad}${close}`;
  if (inline.length <= 80 && !inline.includes("\n")) return inline;
  return `${open}\n${items.map((i) => `${i},`).join("\n")}\n${close}`;
}

/** An object literal from already-written property codes, leaving out undefined ones. */
export function objectCode(properties: readonly (readonly [string, string | undefined])[]): string {
  const present = properties.filter((p): p is readonly [string, string] => p[1] !== undefined);
  return present.length === 0 ? "{}" : layout("{", present.map(([k, v]) => `${keyCode(k)}: ${v}`), "}");
}
