// The console's entry point: a hash router over three pages (state machines, one machine's
// executions, one execution). Everything it shows comes from the Step Functions API of the
// server that served it, plus that server's event stream for a running execution.
import { executionView } from "./execution-view.ts";
import { executionsView } from "./executions-view.ts";
import { machinesView } from "./machines-view.ts";

const main = document.getElementById("app");
let leave: (() => void) | undefined;

function route(): void {
  if (main === null) return;
  leave?.();
  leave = undefined;
  delete main.dataset["loaded"];
  delete main.dataset["events"];
  const [page, arn] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (page === "machine" && arn !== undefined) executionsView(main, arn);
  else if (page === "execution" && arn !== undefined) leave = executionView(main, arn);
  else machinesView(main);
  main.dataset["page"] = page === "machine" || page === "execution" ? page : "machines";
  document.title = `${main.querySelector("h1")?.textContent ?? "Console"} · stepcraft`;
}

window.addEventListener("hashchange", route);
route();
