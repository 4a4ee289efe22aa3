import { describe, expect, it } from "vitest";
import { MermaidIds, mermaidLabel } from "./mermaid-text.ts";

describe("mermaidLabel", () => {
  it("writes Mermaid's special characters as entity codes", () => {
    expect(mermaidLabel('a "b" #1 & <c> `d` |e|')).toBe("a #quot;b#quot; #35;1 #amp; #lt;c#gt; #96;d#96; #124;e#124;");
  });

  it("does not re-escape the # of the entities it writes", () => {
    expect(mermaidLabel('"')).toBe("#quot;");
  });

  it("turns newlines and other control characters into spaces", () => {
    expect(mermaidLabel("a\nb\tc\u0000d")).toBe("a b c d");
  });

  it("keeps unicode and brackets, which are safe inside quotes", () => {
    expect(mermaidLabel("Ünïcødé ✓ [x] {y} (z)")).toBe("Ünïcødé ✓ [x] {y} (z)");
  });
});

describe("MermaidIds", () => {
  it("builds ids from letters and digits only, with a prefix", () => {
    const ids = new MermaidIds();
    expect(ids.create("Charge card!")).toBe("st_Charge_card");
    expect(ids.create("end")).toBe("st_end");
    expect(ids.create("Café")).toBe("st_Cafe");
  });

  it("numbers collisions in request order", () => {
    const ids = new MermaidIds();
    expect(ids.create("a b")).toBe("st_a_b");
    expect(ids.create("a-b")).toBe("st_a_b_2");
    expect(ids.create("a_b")).toBe("st_a_b_3");
  });

  it("still gives an id to a name with no ASCII letters", () => {
    const ids = new MermaidIds();
    expect(ids.create("注文")).toBe("st_x");
    expect(ids.create("✓")).toBe("st_x_2");
  });
});
