import { describe, expect, it } from "vitest";
import { RealClock, VirtualClock } from "./clock.ts";

describe("VirtualClock", () => {
  it("starts at the given time and jumps to each wake-up in order", async () => {
    const clock = new VirtualClock(1_000);
    const woke: number[] = [];
    const a = clock.sleep(5_000).done.then(() => woke.push(clock.now()));
    const b = clock.sleep(2_000).done.then(() => woke.push(clock.now()));
    await Promise.all([a, b]);
    expect(woke).toEqual([3_000, 6_000]);
  });

  it("runs concurrent sleeps side by side, not one after the other", async () => {
    const clock = new VirtualClock(0);
    await Promise.all([clock.sleep(10_000).done, clock.sleep(10_000).done]);
    expect(clock.now()).toBe(10_000);
  });

  it("never wakes a cancelled timer", async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const t = clock.sleep(1_000);
    void t.done.then(() => (fired = true));
    t.cancel();
    await clock.sleep(5_000).done;
    expect(fired).toBe(false);
    expect(clock.now()).toBe(5_000);
  });

  it("does not move while real work holds it", async () => {
    const clock = new VirtualClock(0);
    clock.hold();
    let woke = false;
    void clock.sleep(1_000).done.then(() => (woke = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(woke).toBe(false);
    clock.release();
    clock.release(); // an unmatched release is harmless
    await new Promise((r) => setTimeout(r, 5));
    expect(woke).toBe(true);
  });

  it("keeps pace with the wall clock while held: a deadline comes once that much real time has passed", async () => {
    const clock = new VirtualClock(0);
    clock.hold();
    const started = performance.now();
    let wokeAfter: number | undefined;
    void clock.sleep(60).done.then(() => (wokeAfter = performance.now() - started));
    let farWoke = false;
    void clock.sleep(60_000).done.then(() => (farWoke = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(wokeAfter).toBeUndefined();
    await new Promise((r) => setTimeout(r, 120));
    expect(wokeAfter).toBeGreaterThanOrEqual(55);
    expect(clock.now()).toBe(60);
    expect(farWoke).toBe(false);
    // Released: time jumps again at once.
    clock.release();
    await new Promise((r) => setTimeout(r, 5));
    expect(farWoke).toBe(true);
  });

  it("advance() moves time without waking anyone", () => {
    const clock = new VirtualClock(0);
    clock.advance(500);
    expect(clock.now()).toBe(500);
  });
});

describe("RealClock", () => {
  it("does not fire a sleep longer than setTimeout's maximum early", async () => {
    const t = new RealClock().sleep(366 * 24 * 3600 * 1000);
    let fired = false;
    void t.done.then(() => (fired = true));
    await new Promise((r) => setTimeout(r, 10));
    t.cancel();
    expect(fired).toBe(false);
  });

  it("really waits and can be cancelled", async () => {
    const clock = new RealClock();
    const t0 = clock.now();
    await clock.sleep(5).done;
    expect(clock.now() - t0).toBeGreaterThanOrEqual(4);
    clock.sleep(10_000).cancel();
    clock.hold();
    clock.release();
  });
});
