import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine } from "../engine/machine.ts";

const wait = (state: Record<string, unknown>) => prepareStateMachine({ StartAt: "W", States: { W: { Type: "Wait", ...state, End: true } } });

describe("Wait", () => {
  it("advances virtual time by Seconds or SecondsPath", async () => {
    const clock = new VirtualClock(0);
    expect((await wait({ Seconds: 3600 }).run({ a: 1 }, { clock })).output).toEqual({ a: 1 });
    expect(clock.now()).toBe(3_600_000);
    await wait({ SecondsPath: "$.s" }).run({ s: 5 }, { clock });
    expect(clock.now()).toBe(3_605_000);
  });

  it("waits until a Timestamp / TimestampPath, truncated to whole seconds", async () => {
    const clock = new VirtualClock(Date.UTC(2030, 0, 1));
    await wait({ Timestamp: "2030-01-01T00:00:10.900Z" }).run({}, { clock });
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1, 0, 0, 10));
    await wait({ TimestampPath: "$.t" }).run({ t: "2030-01-01T00:01:00Z" }, { clock });
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1, 0, 1, 0));
  });

  it("fails with States.Runtime on a bad SecondsPath or TimestampPath value", async () => {
    expect((await wait({ SecondsPath: "$.s" }).run({ s: -1 })).cause).toContain("The SecondsPath parameter references a negative value: $.s == -1");
    expect((await wait({ SecondsPath: "$.s" }).run({ s: 1.5 })).cause).toContain("cannot be parsed as a long value: $.s == 1.5");
    const bad = await wait({ TimestampPath: "$.t" }).run({ t: "2016-12-05T21:29:29" });
    expect(bad.error).toBe("States.Runtime");
    expect(bad.cause).toContain("does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2016-12-05T21:29:29");
  });

  it("fails with States.QueryEvaluationError on an unparsable JSONata Timestamp", async () => {
    const r = await wait({ QueryLanguage: "JSONata", Timestamp: "{% 'nope' %}" }).run({});
    expect(r.error).toBe("States.QueryEvaluationError");
    expect(r.cause).toContain("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: nope");
  });

  it("refuses a delay past 2^31-1 seconds, whichever field gives it (recorded: 24,856 days fails, 24,855 waits)", async () => {
    const start = Date.UTC(2026, 0, 1);
    const day = 86_400_000;
    const tooFar = new Date(start + 24_856 * day).toISOString();
    const exec = wait({ TimestampPath: "$.t" }).start({ t: tooFar }, { clock: new VirtualClock(start) });
    expect(await exec.result).toEqual({
      status: "FAILED",
      error: "States.Runtime",
      cause: "An error occurred while executing the state 'W' (entered at the event id #2). Wait state delay is too long.",
    });
    expect(exec.history.map((e) => e.type)).toEqual(["ExecutionStarted", "WaitStateEntered", "ExecutionFailed"]);
    expect((await wait({ SecondsPath: "$.s" }).run({ s: 2_147_483_648 })).cause).toContain("Wait state delay is too long.");
    expect((await wait({ QueryLanguage: "JSONata", Seconds: "{% 2147483648 %}" }).run({})).cause).toContain("Wait state delay is too long.");
    // Accepted, but longer than a Standard execution may run (one year): the execution times out.
    const accepted = new Date(start + 24_855 * day).toISOString();
    const late = await wait({ TimestampPath: "$.t" }).run({ t: accepted }, { clock: new VirtualClock(start) });
    expect(late).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(Object.hasOwn(late, "cause")).toBe(false);
  });

  it("words a SecondsPath/TimestampPath that selects nothing with its own sentence (recorded for SecondsPath)", async () => {
    expect((await wait({ SecondsPath: "$.input.waitSeconds" }).run({})).cause).toBe(
      "An error occurred while executing the state 'W' (entered at the event id #2). The SecondsPath parameter does not reference an input value: $.input.waitSeconds",
    );
    expect((await wait({ TimestampPath: "$.a.t" }).run({})).cause).toContain("The TimestampPath parameter does not reference an input value: $.a.t");
  });
});
