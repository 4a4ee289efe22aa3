import { describe, expect, it } from "vitest";
import { PhasedClock } from "./phased-clock.ts";
import { ReplayClock } from "./replay-clock.ts";
import { RetraceClock } from "./retrace-clock.ts";
import { ScaledClock } from "./scaled-clock.ts";

describe("ScaledClock", () => {
  it("counts time from its anchor, scaled, so every execution agrees", () => {
    let wall = 1_000_000;
    const clock = new ScaledClock(60, 1_000_000, () => wall);
    expect(clock.now()).toBe(1_000_000);
    wall += 1000;
    expect(clock.now()).toBe(1_060_000);
  });

  it("sleeps the scaled time", async () => {
    const clock = new ScaledClock(1000, Date.now());
    const began = Date.now();
    await clock.sleep(50_000).done;
    expect(Date.now() - began).toBeLessThan(1000);
  });

  it("refuses a scale that is not a positive number", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new ScaledClock(bad, 0)).toThrow(/positive number/);
  });
});

describe("ReplayClock", () => {
  const base = (now: number) => new ScaledClock(1, now, () => now);

  it("follows the original timeline while replaying, then the service's clock", () => {
    const clock = new ReplayClock(base(10_000), 1_000);
    expect(clock.now()).toBe(1_000);
    clock.advanceTo(2_500);
    expect(clock.now()).toBe(2_500);
    clock.advanceTo(2_000);
    expect(clock.now()).toBe(2_500);
    clock.goLive();
    expect(clock.now()).toBe(10_000);
    clock.advanceTo(50_000);
    expect(clock.now()).toBe(10_000);
  });

  it("passes a sleep that ended before the restart at once, on the original timeline", async () => {
    const clock = new ReplayClock(new ScaledClock(1, Date.now()), Date.now() - 60_000);
    const began = Date.now();
    await clock.sleep(30_000).done;
    expect(Date.now() - began).toBeLessThan(500);
    expect(clock.isLive).toBe(false);
  });

  it("sleeps only the remaining time of a sleep still running at the restart, then is live", async () => {
    const start = Date.now() - 1_000;
    const clock = new ReplayClock(new ScaledClock(1, Date.now()), start);
    const began = Date.now();
    await clock.sleep(1_300).done;
    const slept = Date.now() - began;
    expect(slept).toBeGreaterThanOrEqual(200);
    expect(slept).toBeLessThan(800);
    expect(clock.isLive).toBe(true);
  });

  it("never wakes a cancelled sleep", async () => {
    const clock = new ReplayClock(new ScaledClock(1, Date.now()), Date.now() - 60_000);
    let woke = false;
    const timer = clock.sleep(10);
    void timer.done.then(() => (woke = true));
    timer.cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(woke).toBe(false);
  });
});

describe("RetraceClock", () => {
  it("lets timers due before the run's end pass in order, at once, and stalls where the run stopped", async () => {
    const clock = new RetraceClock(0, 5_000);
    const woke: string[] = [];
    void clock.sleep(3_000).done.then(() => woke.push(`late@${clock.now()}`));
    void clock.sleep(1_000).done.then(() => woke.push(`early@${clock.now()}`));
    void clock.sleep(9_000).done.then(() => woke.push("after the end"));
    expect(clock.stalled).toBe(false);
    for (let turn = 0; turn < 5; turn++) await new Promise((r) => setImmediate(r));
    expect(woke).toEqual(["early@1000", "late@3000"]);
    expect(clock.stalled).toBe(true);
  });

  it("moves to when a recorded task ended, never back", () => {
    const clock = new RetraceClock(1_000, 9_000);
    clock.advanceTo(4_000);
    clock.advanceTo(2_000);
    expect(clock.now()).toBe(4_000);
  });
});

describe("PhasedClock", () => {
  it("takes its time from the clock it was last told to use", () => {
    const clock = new PhasedClock(new ScaledClock(1, 100, () => 100));
    expect(clock.now()).toBe(100);
    clock.use(new ScaledClock(1, 200, () => 200));
    expect(clock.now()).toBe(200);
  });
});
