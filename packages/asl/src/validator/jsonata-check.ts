// Parses (never evaluates) JSONata expressions, with a cache: real definitions repeat the same
// few expressions, and jsonata's parser is the most expensive thing the validator calls.
import { jsonataModule } from "../lazy-dependencies.ts";

const MAX_CACHE_ENTRIES = 5000;
const parseErrors = new Map<string, string | null>();

/** A parsed expression's syntax tree as jsonata returns it (only what the validator reads). */
export interface JsonataNode {
  type?: string;
  value?: unknown;
  steps?: JsonataNode[];
}

const astCache = new Map<string, JsonataNode | undefined>();

/** Empties the memoised parse results (for benchmarks). */
export function clearJsonataCache(): void {
  parseErrors.clear();
  astCache.clear();
}

/** Parses the body of a `{% %}` expression; returns the parser's reason on failure. */
export function jsonataSyntaxError(body: string): string | undefined {
  const cached = parseErrors.get(body);
  if (cached !== undefined) return cached ?? undefined;
  let error: string | null = null;
  let ast: JsonataNode | undefined;
  if (body.trim() === "") {
    error = "the expression is empty";
  } else {
    try {
      ast = jsonataModule()(body).ast() as JsonataNode;
    } catch (thrown) {
      error = describeJsonataError(thrown);
    }
  }
  if (parseErrors.size >= MAX_CACHE_ENTRIES) {
    parseErrors.clear();
    astCache.clear();
  }
  parseErrors.set(body, error);
  astCache.set(body, ast);
  return error ?? undefined;
}

/** The syntax tree of an expression already checked by `jsonataSyntaxError`. */
export function jsonataAst(body: string): JsonataNode | undefined {
  if (!astCache.has(body)) jsonataSyntaxError(body);
  return astCache.get(body);
}

function describeJsonataError(thrown: unknown): string {
  if (typeof thrown === "object" && thrown !== null) {
    const { code, message, position } = thrown as { code?: unknown; message?: unknown; position?: unknown };
    const text = typeof message === "string" ? message : "syntax error";
    const where = typeof position === "number" ? ` (at character ${position})` : "";
    return typeof code === "string" ? `${code}: ${text}${where}` : `${text}${where}`;
  }
  return String(thrown);
}
