// WCAG 2.1 AA text contrast, measured in the page: every visible piece of text against the
// colour behind it (an HTML element's first opaque background up the tree; an SVG text's shape
// in its group, or the drawing's white). Runs in the browser as plain JS text (the repository's
// TypeScript has no DOM types); returns the texts below 4.5:1 (3:1 for large or bold large text).
export const CONTRAST_CHECK = `(() => {
  const parse = (colour) => {
    const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)/.exec(colour);
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : undefined;
  };
  const luminance = ({ r, g, b }) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const htmlBackground = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const svgBackground = (text) => {
    for (let g = text.parentElement; g && g.tagName !== "svg"; g = g.parentElement) {
      const shape = g.querySelector(":scope > .shape, :scope > rect, :scope > polygon");
      if (shape) { const c = parse(getComputedStyle(shape).fill); if (c && c.a > 0.5) return c; }
    }
    return htmlBackground(text.closest("svg"));
  };
  const problems = [];
  const seen = new Set();
  for (const element of document.querySelectorAll("body *")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own || element.closest("[hidden], script, style, title, option")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    const svg = element instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    const bg = svg ? svgBackground(element) : htmlBackground(element);
    if (!fg) continue;
    const size = parseFloat(style.fontSize);
    const bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(fg, bg);
    const key = element.tagName + "|" + style.color + style.fill + "|" + JSON.stringify(bg) + "|" + element.textContent.trim().slice(0, 20);
    if (r < needed && !seen.has(key)) {
      seen.add(key);
      problems.push(element.textContent.trim().slice(0, 40) + " (" + (svg ? "svg " : "") + element.tagName.toLowerCase() + "." + [...element.classList].join(".") + "): " + r.toFixed(2) + ":1, needs " + needed + ":1");
    }
  }
  return problems;
})()`;
