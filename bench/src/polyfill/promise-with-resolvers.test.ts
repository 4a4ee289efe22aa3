import { describe, expect, it } from "vitest";
import "./promise-with-resolvers.ts";

type WithResolvers = <T>() => { promise: Promise<T>; resolve: (v: T) => void; reject: (e?: unknown) => void };
const withResolvers = (Promise as unknown as { withResolvers: WithResolvers }).withResolvers;

describe("Promise.withResolvers (built in or polyfilled)", () => {
  it("resolves and rejects from outside", async () => {
    const a = withResolvers.call(Promise) as ReturnType<WithResolvers>;
    a.resolve(7);
    await expect(a.promise).resolves.toBe(7);
    const b = withResolvers.call(Promise) as ReturnType<WithResolvers>;
    b.reject(new Error("no"));
    await expect(b.promise).rejects.toThrow("no");
  });
  it("builds instances of the constructor it is called on", () => {
    class Sub<T> extends Promise<T> {}
    expect(withResolvers.call(Sub).promise).toBeInstanceOf(Sub);
  });
  it("throws a TypeError when not called on a constructor", () => {
    expect(() => withResolvers.call(undefined)).toThrow(TypeError);
  });
  it("is a non-enumerable, writable, configurable method like the built-ins", () => {
    const desc = Object.getOwnPropertyDescriptor(Promise, "withResolvers");
    expect(desc).toMatchObject({ enumerable: false, writable: true, configurable: true });
  });
});
