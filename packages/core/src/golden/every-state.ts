// A workflow touching every state type, variables, typed functions and boolean rules.
import { and, fn, not, or, serviceIntegration, succeed, timestamp, typeOnly, workflow } from "../index.ts";
import type { QueryLanguage, Timestamp } from "../index.ts";

export interface Shipment {
  readonly shipmentId: string;
  readonly carrier: string;
  readonly weightKg: number;
  readonly express: boolean;
  readonly shipBy: Timestamp;
  readonly delaySeconds: number;
  readonly note?: string;
}

const notify = serviceIntegration("sns", "publish", {
  input: typeOnly<{ readonly TopicArn: string; readonly Message: string }>(),
  output: typeOnly<{ readonly MessageId: string }>(),
});

/** Ship: label, wait, notify two ways in parallel, then decide how it went. */
export function ship(queryLanguage: QueryLanguage) {
  const flow = workflow("Ship", { input: typeOnly<Shipment>(), queryLanguage, comment: "every state type", timeoutSeconds: 3600 });

  const label = flow.pass("Label", {
    output: ($) => ({ shipmentId: $.input.shipmentId, weightKg: $.input.weightKg, shipBy: $.input.shipBy, carrier: $.input.carrier, label: fn.format("{} via {}", $.input.shipmentId, $.input.carrier) }),
  });

  // The variable is assigned on the Wait, not on Label: a JSONPath Pass with an output assigns from its result.
  const pause = label
    .wait("Pause", { seconds: 5, assign: ($) => ({ carrier: $.input.carrier }) })
    .wait("UntilPickup", { timestamp: timestamp("2026-12-01T09:00:00Z") });

  const announce = pause.parallel("Announce", {
    branches: [
      (b) => b.task("Email", notify, { arguments: ($) => ({ TopicArn: "arn:aws:sns:eu-west-1:123456789012:email", Message: $.input.label }), timeoutSeconds: 30 }),
      (b) => b.pass("Audit", { result: { audited: true } }),
    ],
  }).retry({ errors: ["States.ALL"], maxAttempts: 1, jitter: "FULL" });

  const decide = announce
    .choice("HowDidItGo?")
    .when(($) => and($.input[1].audited.eq(true), not($.vars.carrier.matches("*Post"))), succeed("Shipped"))
    .when(($) => or($.input[0].MessageId.isString(), $.input[0].MessageId.isNull()), (s) => s.fail("NoAudit", { error: "Audit", cause: "audit missing" }))
    .otherwise((s) => s.fail("Unknown", { error: "Unknown" }));

  return flow.startWith(decide);
}
