import { describe, expect, it } from "vitest";
import { assignVariables } from "./assign.ts";
import { VariableScope } from "./scope.ts";

describe("VariableScope", () => {
  it("reads undefined for a never-assigned variable and keeps null, false and 0", () => {
    const scope = VariableScope.root();
    expect(scope.read("missing")).toBeUndefined();
    assignVariables(scope, { n: null, f: false, z: 0 });
    expect([scope.read("n"), scope.read("f"), scope.read("z")]).toEqual([null, false, 0]);
  });

  it("lets a Map iteration read outer variables but keeps its own assignments (assign BASE_SCOPE_MAP)", () => {
    const top = VariableScope.root();
    assignVariables(top, { x: 42, items: [1, 2, 3] });
    const iterations = [1, 2, 3].map(() => top.child());
    for (const iteration of iterations) {
      expect(iteration.read("x")).toBe(42);
      assignVariables(iteration, { innerX: iteration.read("x") });
      expect(iteration.read("innerX")).toBe(42);
    }
    expect(top.read("innerX")).toBeUndefined();
    for (const iteration of iterations) iteration.dispose();
    assignVariables(top, { final: top.read("x") });
    expect(top.read("final")).toBe(42);
  });

  it("keeps Parallel branches from seeing each other (assign BASE_SCOPE_PARALLEL)", () => {
    const top = VariableScope.root();
    assignVariables(top, { x: 42 });
    const [first, second] = [top.child(), top.child()];
    assignVariables(first, { innerX: 1, value: {} });
    expect(second.read("innerX")).toBeUndefined();
    assignVariables(second, { innerX: 2 });
    expect([first.read("innerX"), second.read("innerX")]).toEqual([1, 2]);
  });

  it("lets an inner assignment shadow nothing outside: the outer value is unchanged", () => {
    const top = VariableScope.root();
    assignVariables(top, { shared: "outer" });
    const inner = top.child();
    assignVariables(inner, { shared: "inner" });
    expect(inner.read("shared")).toBe("inner");
    expect(top.read("shared")).toBe("outer");
  });

  it("lets a Map/Parallel Catcher's Assign write the outer scope while an inner scope exists", () => {
    const top = VariableScope.root();
    const iteration = top.child();
    assignVariables(iteration, { errorVar: { Error: "Exception" } });
    assignVariables(top, { caught: true });
    expect(iteration.read("caught")).toBe(true);
    expect(top.read("errorVar")).toBeUndefined();
  });

  it("isolates a Distributed Map child: no outer reads, its own budget", () => {
    const top = VariableScope.root({ maxVariableBytes: 100, maxAssignBytes: 100, maxExecutionBytes: 10 });
    assignVariables(top, { bucket: "b" });
    const child = top.child({ isolated: true });
    expect(child.read("bucket")).toBeUndefined();
    expect(child.budget).not.toBe(top.budget);
    assignVariables(child, { v: "123456" });
    expect(top.budget.usedBytes).toBe(3);
    expect(child.budget.usedBytes).toBe(8);
  });

  it("releases an ended iteration's bytes and refuses further assignments there", () => {
    const top = VariableScope.root();
    const iteration = top.child();
    assignVariables(iteration, { v: "abc" });
    expect(top.budget.usedBytes).toBe(5);
    iteration.dispose();
    iteration.dispose();
    expect(top.budget.usedBytes).toBe(0);
    expect(iteration.ownNames()).toEqual([]);
    expect(() => assignVariables(iteration, { v: 1 })).toThrow(/branch or iteration has ended/);
  });

  it("lists and exposes only its own variables", () => {
    const top = VariableScope.root();
    assignVariables(top, { a: 1 });
    const inner = top.child();
    assignVariables(inner, { b: [1] });
    expect(inner.ownNames()).toEqual(["b"]);
    expect(inner.own("a")).toBeUndefined();
    expect(inner.own("b")).toEqual({ value: [1], bytes: 3 });
  });
});
