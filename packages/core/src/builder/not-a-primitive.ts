/** What references, values and conditions do when JavaScript asks for them as a string or number. */
import type { Expr } from "../ir/expr-node.ts";
import { captureSite } from "./call-site.ts";
import { describePath } from "./discard-tracking.ts";

/**
 * `Symbol.toPrimitive` of references: a template literal, `+`, `<` or `>` would turn a reference
 * into text or a number while the workflow is built (the types refuse it; this stops a cast or
 * plain JavaScript), so it throws at the user's line with what to write instead.
 */
export function notAPrimitive(expr: Expr): () => never {
  return () => {
    const what = expr.kind === "path" ? `the reference ${describePath(expr)}` : "a computed value or condition";
    throw new TypeError(
      `${what} was used as a JavaScript string or number (a template literal, +, <, >) at ${captureSite().text}; references are read when the workflow runs, not while it is built: use fn.format("… {}", ref), jsonata\`…\` or a comparison method (gt, eq…)`,
    );
  };
}
