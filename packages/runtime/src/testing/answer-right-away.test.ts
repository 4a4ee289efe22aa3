import { describe, expect, it } from "vitest";
import { startTestExecution } from "./start-test-execution.ts";
import { CallbackNotWaitingError } from "./callbacks.ts";

// A callback Task as the very first state: nothing (no Wait, no advanceTime) separates the test's
// waitForState from its answer, so the answer must not race the task's own send.
const firstStateCallback = (queryLanguage: "JSONata" | "JSONPath") => ({
  QueryLanguage: queryLanguage,
  StartAt: "Ask",
  States: {
    Ask: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      ...(queryLanguage === "JSONata"
        ? { Arguments: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", MessageBody: "{% $states.context.Task.Token %}" } }
        : { Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody.$": "$$.Task.Token" } }),
      End: true,
    },
  },
});

describe("answering a callback right after waitForState", () => {
  for (const language of ["JSONata", "JSONPath"] as const) {
    it(`succeeds when the callback Task is the first state (${language})`, async () => {
      // Unbound, so the task waits for the test's answer (a bound handler's result would be the output).
      const run = startTestExecution(firstStateCallback(language), {});
      await run.waitForState("Ask");
      await run.sendTaskSuccess("Ask", { approved: true });
      const result = await run.result();
      expect(result.status).toBe("SUCCEEDED");
      expect(result.output).toEqual({ approved: true });
    });
  }

  it("still names what is waiting when the state has no callback", async () => {
    const run = startTestExecution(
      { StartAt: "Hold", States: { Hold: { Type: "Wait", Seconds: 60, Next: "Done" }, Done: { Type: "Succeed" } } },
      {},
    );
    await run.waitForState("Hold");
    await expect(run.sendTaskSuccess("Hold", {})).rejects.toBeInstanceOf(CallbackNotWaitingError);
  });
});
