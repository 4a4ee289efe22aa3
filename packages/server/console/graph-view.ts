// The state machine drawn by @stepcraft/graph (the same code as `stepcraft graph`), made
// interactive: every state is a focusable button (click, Enter or Space selects it), and the
// drawing is painted again with each new history batch.
import { buildGraphModel, layoutDiagram, renderSvg, type DiagramBlock, type ExecutionSummary, type GraphModel } from "@stepcraft/graph";

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/;
let adopted = false;

/**
 * The SVG carries its stylesheet in a <style> element, which the console's CSP (style-src 'self')
 * would block; the same text is adopted once as a constructable stylesheet instead.
 */
function withoutInlineStyle(svg: string): string {
  const match = STYLE_ELEMENT.exec(svg);
  if (match === null) return svg;
  if (!adopted) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(match[1] ?? "");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }
  return svg.replace(STYLE_ELEMENT, "");
}

/** A drawing of one definition that can be repainted with an execution's progress. */
export class GraphView {
  readonly element: HTMLDivElement;
  readonly model: GraphModel;
  private readonly layout: DiagramBlock;
  private selected: string | undefined;

  constructor(definition: unknown, private readonly onSelect: (state: string) => void) {
    this.model = buildGraphModel(definition);
    // Layout once: an execution changes colours, never positions.
    this.layout = layoutDiagram(this.model);
    this.element = document.createElement("div");
    this.element.className = "graph";
    this.element.addEventListener("click", (event) => {
      const name = this.stateAt(event.target);
      if (name !== undefined) this.onSelect(name);
    });
    this.element.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      const name = this.stateAt(event.target);
      if (name === undefined) return;
      event.preventDefault();
      this.onSelect(name);
    });
  }

  /** Draws the definition, coloured by `summary` when there is one; keeps focus and selection. */
  paint(summary: ExecutionSummary | undefined): void {
    const focused = this.stateAt(document.activeElement);
    this.element.innerHTML = withoutInlineStyle(renderSvg(this.layout, summary));
    // A picture (role img) hides its children from assistive technology; here its states are buttons.
    this.element.querySelector("svg")?.setAttribute("role", "group");
    for (const node of this.element.querySelectorAll<SVGGElement>("g.node[data-state]")) {
      const name = node.dataset["state"] ?? "";
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      const status = node.dataset["status"];
      const retries = node.dataset["retries"];
      node.setAttribute("aria-label", `${name}, ${node.dataset["type"] ?? "state"}${status === undefined ? "" : `, ${status.replace("-", " ")}`}${retries === undefined ? "" : `, ${retries} retries`}`);
    }
    this.select(this.selected, false);
    if (focused !== undefined) this.node(focused)?.focus();
  }

  /** Marks a state as the selected one (and scrolls it into view when asked). */
  select(name: string | undefined, reveal = true): void {
    this.selected = name;
    for (const node of this.element.querySelectorAll(".selected")) node.classList.remove("selected");
    if (name === undefined) return;
    const node = this.node(name);
    if (node === undefined) return;
    node.classList.add("selected");
    node.setAttribute("aria-pressed", "true");
    if (reveal) node.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  node(name: string): SVGGElement | undefined {
    for (const node of this.element.querySelectorAll<SVGGElement>("g.node[data-state]")) if (node.dataset["state"] === name) return node;
    return undefined;
  }

  private stateAt(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest<SVGGElement>("g.node[data-state]")?.dataset["state"];
  }
}
