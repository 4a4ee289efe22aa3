import { describe, expect, test } from "vitest";
import { settle, TestClock } from "./test-clock.ts";

describe("TestClock", () => {
  test("running, it jumps to the next timer once nothing else can run", async () => {
    const clock = new TestClock(0);
    const woke: number[] = [];
    void clock.sleep(5000).done.then(() => woke.push(clock.now()));
    void clock.sleep(1000).done.then(() => woke.push(clock.now()));
    await settle(5);
    expect(woke).toEqual([1000, 5000]);
  });

  test("a hold stops time until released", async () => {
    const clock = new TestClock(0);
    let woke = false;
    clock.hold();
    void clock.sleep(10).done.then(() => (woke = true));
    await settle(5);
    expect(woke).toBe(false);
    clock.release();
    await settle(5);
    expect(woke).toBe(true);
  });

  test("paused, timers fire only when advanced, in order, and time lands on the target", async () => {
    const clock = new TestClock(0);
    clock.pause();
    const woke: number[] = [];
    void clock.sleep(3000).done.then(() => woke.push(clock.now()));
    void clock.sleep(1000).done.then(() => woke.push(clock.now()));
    await settle(5);
    expect(woke).toEqual([]);
    await clock.advance(2000);
    expect(woke).toEqual([1000]);
    expect(clock.now()).toBe(2000);
    await clock.advance(1000);
    expect(woke).toEqual([1000, 3000]);
    expect(clock.isPaused).toBe(true);
  });

  test("a timer set while advancing fires in the same advance when due", async () => {
    const clock = new TestClock(0);
    const woke: number[] = [];
    void clock.sleep(1000).done.then(() => clock.sleep(1000).done.then(() => woke.push(clock.now())));
    await clock.advance(5000);
    expect(woke).toEqual([2000]);
  });

  test("a gate pauses time before it would move", async () => {
    const clock = new TestClock(0);
    let open = false;
    const remove = clock.addGate(() => open);
    const woke: number[] = [];
    void clock.sleep(1000).done.then(() => {
      woke.push(clock.now());
      open = true;
      void clock.sleep(1000).done.then(() => woke.push(clock.now()));
    });
    await settle(10);
    expect(woke).toEqual([1000]);
    expect(clock.isPaused).toBe(true);
    remove();
    clock.resume();
    await settle(5);
    expect(woke).toEqual([1000, 2000]);
  });

  test("a hold stops automatic skipping until it is released (once per hold)", async () => {
    const clock = new TestClock(0);
    clock.hold();
    let woke = false;
    void clock.sleep(10).done.then(() => (woke = true));
    await settle(5);
    expect(woke).toBe(false);
    clock.release();
    clock.release(); // an unmatched release is ignored
    await settle(5);
    expect(woke).toBe(true);
    expect(clock.now()).toBe(10);
  });

  test("advance refuses negative and non-finite durations", async () => {
    const clock = new TestClock(0);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(clock.advance(Number.NaN)).rejects.toThrow(/finite, non-negative/);
  });
});
