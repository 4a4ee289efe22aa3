// IotIngest: an Express workflow an IoT Core rule starts for every device report (thousands a
// second), so it is short, synchronous and cheap: one Lambda call, JSONata for every data step,
// variables instead of payload plumbing, and direct service integrations for alerting and storage.
import { and, goto, jsonata, lambda, not, serviceIntegration, states, succeed, typeOnly, workflow } from "@stepcraft/core";
import type { ErrorOutput } from "@stepcraft/core";
import type { DeviceProfile } from "./handlers/lookup-device.ts";
import type { CheckedReading, Telemetry } from "./telemetry.ts";

export const lookupDevice = lambda("LookupDevice", {
  entry: "./handlers/lookup-device.ts",
  handler: () => import("./handlers/lookup-device.ts").then((m) => m.handler),
  errors: ["UnknownDevice"] as const,
});

// Resources the stack creates. The ASL names them by `${…}` placeholders that CloudFormation fills
// in (DefinitionSubstitutions), so the definition needs no account or region; locally the
// placeholders stay as they are and the test bindings ignore them.
export const ALERT_TOPIC = "${AlertTopicArn}";
export const LATEST_TABLE = "${LatestReadingsTable}";
export const DEAD_LETTER_QUEUE = "${DeadLetterQueueUrl}";

export const publishAlert = serviceIntegration("sns", "publish", {
  input: typeOnly<{ readonly TopicArn: string; readonly Subject: string; readonly Message: string }>(),
  output: typeOnly<{ readonly MessageId: string }>(),
});

type AttributeValue = { readonly S: string } | { readonly N: string };

export const putLatest = serviceIntegration("dynamodb", "putItem", {
  input: typeOnly<{ readonly TableName: string; readonly Item: Readonly<Record<string, AttributeValue>> }>(),
  output: typeOnly<Record<string, never>>(),
  errors: ["DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.ConditionalCheckFailedException", "DynamoDB.AmazonDynamoDBException"] as const,
});

export const sendToDeadLetter = serviceIntegration("sqs", "sendMessage", {
  input: typeOnly<{ readonly QueueUrl: string; readonly MessageBody: string }>(),
  output: typeOnly<{ readonly MessageId: string }>(),
});

const flow = workflow("IotIngest", { input: typeOnly<Telemetry>(), queryLanguage: "JSONata", type: "EXPRESS", timeoutSeconds: 60, comment: "check a device report against its limits, alert, store" });

// 1. Who is this device? Its profile goes into variables: every later state reads them, and the
//    payload keeps carrying only the readings.
const lookup = flow
  .task("LookupDevice", lookupDevice, {
    arguments: ($) => ({ deviceId: $.input.deviceId }),
    assign: ($) => ({ deviceId: $.input.deviceId, sentAt: $.input.sentAt, site: $.result.site, limits: $.result.limits, muted: $.result.muted }),
    output: ($) => $.input,
    retry: [{ errors: ["Lambda.TooManyRequestsException", "Lambda.ServiceException"], intervalSeconds: 1, maxAttempts: 2, backoffRate: 2, jitter: "FULL" }],
  })
  // An unprovisioned device is a configuration problem, not a transient one: fail loudly.
  .catch({
    errors: ["UnknownDevice"],
    // A handler's error always has a Cause (the Lambda error payload); the raw expression says so.
    next: states<ErrorOutput>().fail("UnknownDevice", { error: "UnknownDevice", cause: ($) => $.input.Cause }),
  });

// 2. Normalize each reading and compare it with the device's limit for that sensor. An inline
//    Map: the readings are few and already in the payload.
const check = lookup.map("CheckReadings", {
  items: ($) => $.input.readings,
  itemSelector: ($) => ({
    sensor: $.item.sensor,
    // Older firmware reports °F.
    value: jsonata<number>`${$.item.unit} = "F" ? $round((${$.item.value} - 32) * 5 / 9, 1) : ${$.item.value}`,
    max: jsonata<number>`$lookup(${$.vars.limits}, ${$.item.sensor})`,
  }),
  processor: (reading) =>
    reading
      .choice("OverLimit?")
      .when(($) => $.input.value.gt($.input.max), (s) => s.pass("Breach", { output: ($) => ({ sensor: $.input.sensor, value: $.input.value, max: $.input.max, breach: true }) }))
      .otherwise((s) => s.pass("WithinLimit", { output: ($) => ({ sensor: $.input.sensor, value: $.input.value, max: $.input.max, breach: false }) })),
  // `[…]` keeps a single breach an array (JSONata would unwrap a one-item sequence).
  assign: ($) => ({ breaches: jsonata<CheckedReading[]>`[${$.result}[breach]]` }),
});

/** The variables assigned by the time the readings are checked. */
interface Vars {
  readonly deviceId: string;
  readonly sentAt: string;
  readonly site: string;
  readonly limits: DeviceProfile["limits"];
  readonly muted: boolean;
  readonly breaches: CheckedReading[];
}

// 4. Dead-letter what could not be stored, so the report can be replayed; the execution still
//    succeeds, because IoT Core would otherwise retry the whole report into the same failure.
const deadLetter = states<ErrorOutput, Vars>()
  .task("DeadLetter", sendToDeadLetter, {
    arguments: ($) => ({
      QueueUrl: DEAD_LETTER_QUEUE,
      MessageBody: jsonata<string>`$string({"deviceId": ${$.vars.deviceId}, "sentAt": ${$.vars.sentAt}, "error": ${$.input.Error}})`,
    }),
    output: ($) => ({ deviceId: $.vars.deviceId, deadLettered: true, error: $.input.Error }),
  })
  .then(succeed("DeadLettered"));

// 3b. Keep the device's latest report (its "shadow") for dashboards.
const store = states<CheckedReading[], Vars>()
  .task("StoreLatest", putLatest, {
    arguments: ($) => ({
      TableName: LATEST_TABLE,
      Item: {
        deviceId: { S: $.vars.deviceId },
        site: { S: $.vars.site },
        sentAt: { S: $.vars.sentAt },
        readings: { S: jsonata<string>`$string(${$.input})` },
        breaches: { N: jsonata<string>`$string($count(${$.vars.breaches}))` },
      },
    }),
    output: ($) => ({ deviceId: $.vars.deviceId, site: $.vars.site, readings: $.input, breaches: $.vars.breaches }),
    // DynamoDB throttles bursts: back off 1s, 2s, 4s (jittered, so devices do not retry in lockstep).
    retry: [{ errors: ["DynamoDB.ProvisionedThroughputExceededException"], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2, maxDelaySeconds: 8, jitter: "FULL" }],
  })
  .catch({ errors: ["States.ALL"], next: deadLetter })
  .then(succeed("Ingested"));

// 3a. Alert only on breaches of a device that is not in maintenance.
export const iotIngest = flow.startWith(
  check
    .choice("Alert?")
    .when(
      ($) => and(jsonata<number>`$count(${$.vars.breaches})`.gt(0), not($.vars.muted.eq(true))),
      (s) =>
        s
          .task("PublishAlert", publishAlert, {
            arguments: ($) => ({
              TopicArn: ALERT_TOPIC,
              Subject: jsonata<string>`"Limit breached at " & ${$.vars.site}`,
              Message: jsonata<string>`$string({"deviceId": ${$.vars.deviceId}, "sentAt": ${$.vars.sentAt}, "breaches": ${$.vars.breaches}})`,
            }),
            // The alert's MessageId is not needed downstream: pass the readings on.
            output: ($) => $.input,
            retry: [{ errors: ["States.ALL"], intervalSeconds: 1, maxAttempts: 2, backoffRate: 2 }],
          })
          .then(goto(store)),
    )
    .otherwise(store),
);
