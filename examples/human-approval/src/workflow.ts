// PurchaseApproval: a purchase request waits for a person. The approver gets an email whose
// links carry a task token; the workflow sleeps (no compute, no cost) until the approval page
// calls SendTaskSuccess. Unanswered for a day, it waits for the next business morning and sends
// a reminder; after three unanswered rounds the request expires. JSONata, with variables.
import { fail, goto, jsonata, lambda, states, succeed, typeOnly, workflow } from "@stepcraft/core";
import type { ErrorOutput } from "@stepcraft/core";
import type { Decision, PurchaseRequest } from "./request.ts";

export const notifyApprover = lambda("NotifyApprover", {
  entry: "./handlers/notify-approver.ts",
  handler: () => import("./handlers/notify-approver.ts").then((m) => m.handler),
  // `.waitForTaskToken`: the task ends when someone answers with the token, not when the function
  // returns; its result is what the approval page sends, so that is the type declared here.
  pattern: "waitForTaskToken",
  callbackOutput: typeOnly<Decision>(),
});
export const placePurchaseOrder = lambda("PlacePurchaseOrder", {
  entry: "./handlers/place-purchase-order.ts",
  handler: () => import("./handlers/place-purchase-order.ts").then((m) => m.handler),
  errors: ["ErpUnavailable"] as const,
});
export const notifyRequester = lambda("NotifyRequester", {
  entry: "./handlers/notify-requester.ts",
  handler: () => import("./handlers/notify-requester.ts").then((m) => m.handler),
});

/** How long one round waits for the approver before a reminder. */
export const ROUND_SECONDS = 24 * 3600;
/** Rounds (the request and its reminders) before the request expires. */
export const MAX_ROUNDS = 3;

interface Vars {
  readonly request: PurchaseRequest;
  readonly round: number;
}

const flow = workflow("PurchaseApproval", {
  input: typeOnly<PurchaseRequest>(),
  queryLanguage: "JSONata",
  // The overall deadline: however the loop behaves, nothing waits longer than a week.
  timeoutSeconds: 7 * 24 * 3600,
  comment: "a person approves or rejects; reminders each business morning; expiry after three rounds",
});

// Ends the loop: tell the requester, then fail so the expiry shows in metrics and alarms.
const expire = states<unknown, Vars>()
  .task("NotifyExpired", notifyRequester, {
    arguments: ($) => ({ requester: $.vars.request.requester, requestId: $.vars.request.requestId, outcome: "EXPIRED", detail: jsonata<string>`"no answer from " & ${$.vars.request.approver} & " after " & ${$.vars.round} & " requests"` }),
  })
  .then(fail("ApprovalExpired", { error: "ApprovalExpired", cause: "the approver did not answer in time" }));

// Each round starts here; the reminder loop jumps back to this state.
const startRound = states<unknown, Vars>().pass("StartRound", { assign: ($) => ({ round: jsonata<number>`${$.vars.round} + 1` }) });

const askOnce = startRound.task(
"AskApprover", notifyApprover, {
    arguments: ($) => ({ request: $.vars.request, round: $.vars.round, taskToken: $.context.Task.Token }),
    timeoutSeconds: ROUND_SECONDS,
  });

// The reminder loop. The Wait resumes at 09:00 UTC when the round timed out outside business
// hours (09:00–17:00), at once otherwise: nobody is chased at 3 a.m.
const remindLater = states<ErrorOutput, Vars>()
  .choice("AnotherRound?")
  .when(($) => $.vars.round.gte(MAX_ROUNDS), expire)
  .otherwise((s) =>
    s.wait("UntilBusinessHours", {
      timestamp: ($) =>
        // Hours since midnight UTC of the moment the round ended; 32400000 ms is 09:00.
        jsonata`($t := $toMillis(${$.context.State.EnteredTime}); $day := $floor($t / 86400000) * 86400000; $hour := ($t - $day) / 3600000; $fromMillis($hour < 9 ? $day + 32400000 : $hour >= 17 ? $day + 86400000 + 32400000 : $t))`,
    })
    // Ask again: a reminder, with a fresh token.
    .then(goto(startRound)),
  );

const ask = askOnce.catch({ errors: ["States.Timeout"], next: remindLater });


const approved = states<Decision, Vars>()
  .task("PlacePurchaseOrder", placePurchaseOrder, {
    arguments: ($) => ({ request: $.vars.request, approvedBy: $.input.decidedBy }),
    // The ERP has bad days: 10s, 20s, 40s, 80s, then give up.
    retry: [{ errors: ["ErpUnavailable", "Lambda.ServiceException", "Lambda.TooManyRequestsException"], intervalSeconds: 10, maxAttempts: 4, backoffRate: 2 }],
    assign: ($) => ({ purchaseOrderId: $.result.purchaseOrderId }),
  })
  .task("NotifyApproved", notifyRequester, {
    arguments: ($) => ({ requester: $.vars.request.requester, requestId: $.vars.request.requestId, outcome: "APPROVED", detail: jsonata<string>`"purchase order " & ${$.vars.purchaseOrderId}` }),
    output: ($) => ({ requestId: $.vars.request.requestId, outcome: "APPROVED", purchaseOrderId: $.vars.purchaseOrderId, rounds: $.vars.round }),
  })
  .then(succeed("Approved"));

const rejected = states<Decision, Vars>()
  .task("NotifyRejected", notifyRequester, {
    arguments: ($) => ({
      requester: $.vars.request.requester,
      requestId: $.vars.request.requestId,
      outcome: "REJECTED",
      detail: jsonata<string>`${$.input.decidedBy} & ($exists(${$.input.comment}) ? ": " & ${$.input.comment} : "")`,
    }),
    output: ($) => ({ requestId: $.vars.request.requestId, outcome: "REJECTED", rounds: $.vars.round }),
  })
  .then(succeed("Rejected"));

export const purchaseApproval = flow.startWith(
  flow
    .pass("OpenRequest", { assign: ($) => ({ request: $.input, round: 0 }) })
    .then(ask)
    .choice("Decision?")
    .when(($) => $.input.decision.eq("APPROVED"), approved)
    .when(($) => $.input.decision.eq("REJECTED"), rejected)
    .otherwise(fail("InvalidDecision", { error: "InvalidDecision", cause: "the approval page sent neither APPROVED nor REJECTED" })),
);
