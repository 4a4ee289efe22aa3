// Definitions shared by the testing module's tests.
export const FN = "arn:aws:lambda:us-east-1:123456789012:function:charge";
export const START = new Date("2025-01-01T00:00:00Z");

/** Pass → Task with Retry → Map (Wait, Task) → Parallel (Pass | Task caught) → Fail. */
export const tour = {
  StartAt: "Validate",
  States: {
    Validate: { Type: "Pass", Next: "Charge" },
    Charge: { Type: "Task", Resource: FN, Retry: [{ ErrorEquals: ["Throttled"], IntervalSeconds: 3600, MaxAttempts: 3 }], Next: "Fan" },
    Fan: {
      Type: "Map",
      ItemsPath: "$.items",
      ItemProcessor: {
        StartAt: "Work",
        States: {
          Work: { Type: "Wait", Seconds: 60, Next: "Ship" },
          Ship: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", "MessageBody.$": "$" }, End: true },
        },
      },
      ResultPath: "$.fan",
      Next: "Both",
    },
    Both: {
      Type: "Parallel",
      Branches: [
        { StartAt: "Left", States: { Left: { Type: "Pass", End: true } } },
        {
          StartAt: "Right",
          States: {
            Right: { Type: "Task", Resource: FN, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Recover" }], End: true },
            Recover: { Type: "Pass", End: true },
          },
        },
      ],
      Next: "Boom",
    },
    Boom: { Type: "Fail", Error: "Done.Failing", Cause: "on purpose" },
  },
} as const;

/** Mocks for {@link tour}: two throttles then items; Ship returns; Right throws a TypeError. */
export const tourMocks = {
  Charge: [{ error: "Throttled", cause: "slow" }, { error: "Throttled", cause: "slow" }, { result: { items: [1, 2, 3] } }],
  Ship: { result: "sent" },
  Right: () => {
    throw new TypeError("bad thing");
  },
};
