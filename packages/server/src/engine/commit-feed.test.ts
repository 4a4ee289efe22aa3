import { afterEach, describe, expect, it, vi } from "vitest";
import { CommitFeed } from "./commit-feed.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("CommitFeed", () => {
  it("tells the listeners of one execution, until they unsubscribe", () => {
    const feed = new CommitFeed();
    const heard: string[] = [];
    const stopA = feed.subscribe("arn:a", () => heard.push("a1"));
    feed.subscribe("arn:a", () => heard.push("a2"));
    feed.subscribe("arn:b", () => heard.push("b"));
    feed.notify("arn:a");
    expect(heard).toEqual(["a1", "a2"]);
    stopA();
    feed.notify("arn:a");
    expect(heard).toEqual(["a1", "a2", "a2"]);
    expect([feed.listenerCount("arn:a"), feed.listenerCount("arn:b"), feed.listenerCount("arn:none")]).toEqual([1, 1, 0]);
  });

  it("keeps going when a listener throws, and says so on stderr", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const feed = new CommitFeed();
    const heard: string[] = [];
    feed.subscribe("arn:a", () => {
      throw new Error("socket gone");
    });
    feed.subscribe("arn:a", () => heard.push("second"));
    expect(() => feed.notify("arn:a")).not.toThrow();
    expect(heard).toEqual(["second"]);
    expect(String(stderr.mock.calls[0]?.[0])).toContain("a console listener failed: socket gone");
  });

  it("forgets an execution once its last listener leaves", () => {
    const feed = new CommitFeed();
    const stop = feed.subscribe("arn:a", () => undefined);
    stop();
    stop();
    expect(feed.listenerCount("arn:a")).toBe(0);
    expect(() => feed.notify("arn:a")).not.toThrow();
  });
});
