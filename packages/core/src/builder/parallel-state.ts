/** The Parallel state: branches built from fresh factories, output as a tuple. */
import type { StateNode } from "../ir/state-node.ts";
import type { CallSite } from "./call-site.ts";
import { defined, resultFieldPath, resultScope, select, selectAssign } from "./selector-scopes.ts";
import { base, catchNodes, catchers, draft, retriers, withCatches, type Options, type TargetResolver } from "./state-draft.ts";
import type { ChainData } from "./state-graph.ts";

/** Builds a Parallel state as a chain; `nested` builds each branch. */
export function parallelState(name: string, options: Options, site: CallSite, nested: TargetResolver, resolve: TargetResolver, id?: number): ChainData {
  const branches = (options["branches"] as readonly unknown[]).map(nested);
  const output = select(options["output"], resultScope());
  const assign = selectAssign(options["assign"], resultScope());
  const resultField = resultFieldPath(options["resultField"]);
  const { specs, slots } = catchers(options["catch"]);
  const d = draft("parallel", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "parallel",
      transition: link.transition("next"),
      resultField,
      branches: branches.map((b, i) => link.block(b, `/Branches/${i}`)),
      output,
      assign,
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
    }),
    id,
  );
  return withCatches(d, specs, site, resolve);
}
