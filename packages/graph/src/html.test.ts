import { describe, expect, it } from "vitest";
import { HistoryBuilder } from "./test-fixtures/history-builder.ts";
import { toHtml } from "./html.ts";

const definition = {
  Comment: "Charge <orders> & ship",
  StartAt: "Charge",
  States: {
    Charge: { Type: "Task", Resource: "x", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Refund" }], Next: "Ship" },
    Ship: { Type: "Task", Resource: "x", End: true },
    Refund: { Type: "Pass", Next: "Failed" },
    Failed: { Type: "Fail", Error: "ChargeFailed" },
    'Never "reached"': { Type: "Succeed" },
  },
};

/** The opening tag of the node drawn for a state. */
const nodeTag = (html: string, name: string): string => {
  const match = new RegExp(`<g [^>]*data-state="${name}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no node for ${name}`);
  return match[0];
};

describe("toHtml", () => {
  it("is one self-contained page: inline style, script and SVG, and a CSP that blocks the network", () => {
    const html = toHtml(definition);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<svg");
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/\bsrc=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("draws one node per state, with data-state, and escapes names and the comment", () => {
    const html = toHtml(definition);
    for (const name of ["Charge", "Ship", "Refund", "Failed", "Never &quot;reached&quot;"]) expect(nodeTag(html, name)).toContain('class="node');
    expect(html).toContain("<title>Charge &lt;orders&gt; &amp; ship</title>");
    expect(html).not.toContain("<orders>");
  });

  it("has no data-status without an execution", () => {
    expect(toHtml(definition)).not.toContain("data-status");
  });

  it("colours the path of a failed execution: caught with its attempt count, succeeded, failed, not visited", () => {
    const history = new HistoryBuilder().task("Charge", 2, "caught").step("Pass", "Refund");
    history.enter("Fail", "Failed");
    history.fail("ChargeFailed", "card declined");
    const html = toHtml(definition, history.events);
    expect(nodeTag(html, "Charge")).toContain('data-status="caught"');
    expect(nodeTag(html, "Charge")).toContain('data-retries="1" data-attempts="2"');
    expect(nodeTag(html, "Refund")).toContain('data-status="succeeded"');
    expect(nodeTag(html, "Failed")).toContain('data-status="failed"');
    expect(nodeTag(html, "Ship")).toContain('data-status="not-visited"');
    expect(html).toContain('data-outcome="failed"');
    expect(html).toContain("ChargeFailed: card declined");
    // The catch edge that was taken is highlighted.
    expect(html).toMatch(/<path class="edge k-catch taken" data-from="Charge" data-to="Refund"/);
    expect(html).toMatch(/<path class="edge k-next" data-from="Charge" data-to="Ship"/);
  });

  it("shows a Lambda error's message, with the full JSON cause folded away", () => {
    const cause = JSON.stringify({ errorType: "Card.Declined", errorMessage: "declined", trace: ["at charge (index.js:1)"] });
    const history = new HistoryBuilder().task("Charge", 1, "uncaught", "Card.Declined").fail("Card.Declined", cause);
    const html = toHtml(definition, history.events);
    expect(html).toContain('<p class="error">Card.Declined: declined</p><details><summary>Full cause</summary><pre class="error">{\n  &quot;errorType&quot;');
  });

  it("accepts the { events } response shape too", () => {
    const history = new HistoryBuilder().task("Charge").task("Ship").succeed();
    const html = toHtml(definition, { events: history.events });
    expect(nodeTag(html, "Ship")).toContain('data-status="succeeded"');
    expect(html).toContain('data-outcome="succeeded"');
  });

  it("lists definition problems on the page instead of failing", () => {
    const html = toHtml({ StartAt: "A", States: { A: { Type: "Pass", Next: "Gone" } } });
    expect(html).toContain('<ul class="warnings"><li>state &#39;A&#39;: next target &#39;Gone&#39;');
  });

  it("rejects a definition that is not an object, and a history that is not an event list", () => {
    expect(() => toHtml("nope")).toThrow(/must be a JSON object/);
    expect(() => toHtml(definition, { StartAt: "A" })).toThrow(/must be an array of events/);
  });
});
