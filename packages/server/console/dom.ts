// A tiny element builder: the console is a handful of views, not worth a framework.

type Child = Node | string | number | null | undefined | false;
type AttributeValue = string | number | boolean | undefined | ((event: Event) => void);

/**
 * Creates an element: `on<event>` attributes become listeners, `true` a bare attribute, `false`
 * or undefined nothing; text children are text nodes (never parsed as HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Readonly<Record<string, AttributeValue>> = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * A date from the API (epoch seconds) as local `YYYY-MM-DD HH:MM:SS.mmm`. Built from the Date's
 * fields, not toLocaleString: a history of a thousand rows formats two thousand dates, and Intl
 * formatting costs a tenth of a millisecond each.
 */
export function formatDate(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined) return "—";
  const d = new Date(epochSeconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** JSON text pretty-printed when it parses, as it is otherwise. */
export function prettyJson(text: string | undefined): string {
  if (text === undefined) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A status badge (RUNNING, SUCCEEDED…) whose colour comes from the stylesheet. */
export function statusBadge(status: string): HTMLSpanElement {
  return h("span", { class: `badge st-${status.toLowerCase()}`, "data-status": status }, status.replace("_", " "));
}

/** The link to a route (hash-based: the console is one page). */
export function routeHref(...parts: readonly string[]): string {
  return `#/${parts.map(encodeURIComponent).join("/")}`;
}
