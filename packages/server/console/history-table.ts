// The event history as a table (id, type, state, timestamp, elapsed) whose state links select the
// state in the graph. Rows are ARIA table rows in blocks of a hundred: a block below the fold is
// skipped by layout and paint (content-visibility), so a history of thousands of events does not
// hold up the first paint of the page. (Table rows themselves cannot skip layout.)
import { formatDate, h } from "./dom.ts";
import { eventDetails, type HistoryEvent, type HistoryIndex } from "./history-model.ts";

const BLOCK = 100;

function elapsed(index: HistoryIndex, event: HistoryEvent): string {
  if (index.startedAt === undefined) return "";
  const ms = Math.round((event.timestamp - index.startedAt) * 1000);
  return ms < 1000 ? `+${ms} ms` : `+${(ms / 1000).toFixed(3)} s`;
}

export class HistoryTable {
  readonly element: HTMLElement;
  private block: HTMLElement | undefined;
  private inBlock = 0;
  private selected: string | undefined;

  /** `onState` is called with the state of a row whose state link was used. */
  constructor(onState: (name: string) => void) {
    const header = h(
      "div",
      { role: "rowgroup" },
      h("div", { role: "row", class: "row head" }, ...["ID", "Type", "State", "Timestamp", "Elapsed"].map((label) => h("div", { role: "columnheader" }, label))),
    );
    this.element = h("div", { role: "table", id: "history", class: "history", "aria-labelledby": "history-title", "aria-rowcount": 1 }, header);
    this.element.addEventListener("click", (event) => {
      const name = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-goto-state]")?.dataset["gotoState"] : undefined;
      if (name !== undefined) onState(name);
    });
  }

  get rowCount(): number {
    return Number(this.element.getAttribute("aria-rowcount")) - 1;
  }

  /** Adds rows for new events (in id order). */
  append(events: readonly HistoryEvent[], index: HistoryIndex): void {
    for (const event of events) {
      if (this.block === undefined || this.inBlock === BLOCK) {
        this.block = h("div", { role: "rowgroup", class: "block" });
        this.inBlock = 0;
        this.element.append(this.block);
      }
      this.block.append(this.row(event, index));
      this.inBlock++;
    }
    this.element.setAttribute("aria-rowcount", String(this.rowCount + 1 + events.length));
  }

  /** Highlights the rows of one state. */
  select(name: string | undefined): void {
    this.selected = name;
    for (const row of this.element.querySelectorAll(".of-selected")) row.classList.remove("of-selected");
    if (name === undefined) return;
    for (const row of this.element.querySelectorAll<HTMLElement>("[data-state]")) if (row.dataset["state"] === name) row.classList.add("of-selected");
  }

  private row(event: HistoryEvent, index: HistoryIndex): HTMLElement {
    const state = index.stateOfEvent.get(event.id);
    const details = eventDetails(event);
    const error = typeof details?.["error"] === "string" ? details["error"] : undefined;
    const classes = ["row", ...(error === undefined ? [] : ["failed"]), ...(state !== undefined && state === this.selected ? ["of-selected"] : [])];
    return h(
      "div",
      { role: "row", id: `event-${event.id}`, "data-state": state, class: classes.join(" "), "aria-rowindex": event.id + 1 },
      h("div", { role: "cell" }, String(event.id)),
      h("div", { role: "cell" }, event.type, error === undefined ? "" : h("span", { class: "error-name" }, ` ${error}`)),
      h("div", { role: "cell" }, state === undefined ? "" : h("button", { type: "button", class: "link", "data-goto-state": state, title: `Show ${state} in the graph` }, state)),
      h("div", { role: "cell" }, formatDate(event.timestamp)),
      h("div", { role: "cell" }, elapsed(index, event)),
    );
  }
}
