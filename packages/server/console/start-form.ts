// Starting an execution by hand: a name, a JSON input checked as it is typed (the parse error is
// shown under the field), and the workflow's input schema when `--workflows` declared one.
import { callApi, describeError } from "./api.ts";
import { h } from "./dom.ts";
import { jsonProblem } from "./json-problem.ts";

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** Asks the server to check an input against the machine's workflow schema; [] when there is none. */
async function schemaIssues(stateMachineArn: string, input: string): Promise<InputIssue[]> {
  const response = await fetch("/console/check-input", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ stateMachineArn, input }) });
  if (!response.ok) return [];
  return ((await response.json()) as { issues: InputIssue[] }).issues;
}

export function startForm(stateMachineArn: string, started: (executionArn: string) => void): HTMLFormElement {
  const name = h("input", { id: "start-name", name: "name", autocomplete: "off", placeholder: "(a UUID)" });
  const input = h("textarea", { id: "start-input", name: "input", rows: 6, spellcheck: "false", "aria-describedby": "start-problem" });
  input.value = "{}";
  const problem = h("p", { id: "start-problem", class: "error", role: "alert" });
  const submit = h("button", { type: "submit", class: "primary" }, "Start execution");
  const check = (): boolean => {
    const found = jsonProblem(input.value);
    problem.textContent = found === undefined ? "" : `The input is not JSON: ${found}`;
    input.setAttribute("aria-invalid", String(found !== undefined));
    return found === undefined;
  };
  input.addEventListener("input", check);
  const form = h(
    "form",
    { class: "start", id: "start-form" },
    h("h2", {}, "Start an execution"),
    h("label", { for: "start-name" }, "Name"),
    name,
    h("label", { for: "start-input" }, "Input (JSON)"),
    input,
    problem,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!check()) return input.focus();
    void (async () => {
      submit.disabled = true;
      try {
        const issues = await schemaIssues(stateMachineArn, input.value);
        if (issues.length > 0) {
          problem.textContent = `The input does not match the workflow's input schema: ${issues.map((i) => `${i.path === "" ? "(input)" : i.path}: ${i.message}`).join("; ")}`;
          input.setAttribute("aria-invalid", "true");
          return;
        }
        const result = await callApi<{ executionArn: string }>("StartExecution", { stateMachineArn, input: input.value, ...(name.value === "" ? {} : { name: name.value }) });
        started(result.executionArn);
      } catch (error) {
        problem.textContent = describeError(error);
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return form;
}
