// Answers a task that waits for a callback (`.waitForTaskToken`) by hand: Send task success with
// a JSON output, Send task failure with an error and a cause, or a heartbeat. The token comes from
// the task's parameters in the history; it stays editable for a token that is somewhere else.
import { callApi } from "./api.ts";
import { h } from "./dom.ts";
import { jsonProblem } from "./json-problem.ts";
import type { PendingCallback } from "./task-tokens.ts";

type Act = (label: string, run: () => Promise<unknown>) => Promise<void>;

function callbackForm(waiting: PendingCallback, act: Act): HTMLElement {
  const id = `cb-${waiting.scheduledEventId}`;
  const token = h("input", { id: `${id}-token`, class: "token", autocomplete: "off", spellcheck: "false" });
  token.value = waiting.token ?? "";
  const output = h("textarea", { id: `${id}-output`, rows: 3, spellcheck: "false", "aria-describedby": `${id}-problem` });
  output.value = '{"approved": true}';
  const problem = h("p", { id: `${id}-problem`, class: "error", role: "alert" });
  const error = h("input", { id: `${id}-error`, autocomplete: "off" });
  error.value = "Rejected";
  const cause = h("input", { id: `${id}-cause`, autocomplete: "off" });
  cause.value = "Rejected in the stepcraft console";
  const success = h("button", { type: "button", class: "primary", "data-action": "success" }, "Send task success");
  const failure = h("button", { type: "button", class: "danger", "data-action": "failure" }, "Send task failure");
  const heartbeat = h("button", { type: "button", "data-action": "heartbeat" }, "Send heartbeat");
  success.addEventListener("click", () => {
    const found = jsonProblem(output.value);
    problem.textContent = found === undefined ? "" : `The output is not JSON: ${found}`;
    output.setAttribute("aria-invalid", String(found !== undefined));
    if (found !== undefined) return output.focus();
    void act("Send task success", () => callApi("SendTaskSuccess", { taskToken: token.value, output: output.value }));
  });
  failure.addEventListener("click", () => void act("Send task failure", () => callApi("SendTaskFailure", { taskToken: token.value, error: error.value, cause: cause.value })));
  heartbeat.addEventListener("click", () => void act("Send heartbeat", () => callApi("SendTaskHeartbeat", { taskToken: token.value })));
  return h(
    "div",
    { class: "callback", "data-callback-state": waiting.stateName },
    h("h3", {}, `${waiting.stateName} waits for a callback`),
    h("p", { class: "muted" }, `${waiting.resource} (event ${waiting.scheduledEventId})`),
    h("label", { for: token.id }, "Task token"),
    token,
    h("label", { for: output.id }, "Output (JSON)"),
    output,
    problem,
    h("div", { class: "row" }, h("label", { for: error.id }, "Error"), error, h("label", { for: cause.id }, "Cause"), cause),
    h("div", { class: "actions" }, success, failure, heartbeat),
  );
}

/** One form per waiting task (nothing when none waits). */
export function callbackForms(waiting: readonly PendingCallback[], act: Act): HTMLElement[] {
  return waiting.map((w) => callbackForm(w, act));
}
