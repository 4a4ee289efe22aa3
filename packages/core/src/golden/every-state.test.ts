import { describe, it } from "vitest";
import { ship } from "./every-state.ts";
import { expectGolden } from "./expect-golden.ts";

describe("golden: Ship (Pass, Wait, Parallel, variables, functions, boolean rules)", () => {
  it("compiles ship in JSONata to the expected ASL", () => {
    expectGolden(ship("JSONata"), EXPECTED_SHIP_JSONATA);
  });
  it("compiles ship in JSONPath to the expected ASL", () => {
    expectGolden(ship("JSONPath"), EXPECTED_SHIP_JSONPATH);
  });
});

const EXPECTED_SHIP_JSONATA = {
  "Comment": "every state type",
  "QueryLanguage": "JSONata",
  "StartAt": "Label",
  "TimeoutSeconds": 3600,
  "States": {
    "Label": {
      "Type": "Pass",
      "Output": {
        "shipmentId": "{% $states.input.shipmentId %}",
        "weightKg": "{% $states.input.weightKg %}",
        "shipBy": "{% $states.input.shipBy %}",
        "carrier": "{% $states.input.carrier %}",
        "label": "{% $string($states.input.shipmentId) & \" via \" & $string($states.input.carrier) %}"
      },
      "Next": "Pause"
    },
    "Pause": {
      "Type": "Wait",
      "Seconds": 5,
      "Assign": {
        "carrier": "{% $states.input.carrier %}"
      },
      "Next": "UntilPickup"
    },
    "UntilPickup": {
      "Type": "Wait",
      "Timestamp": "2026-12-01T09:00:00Z",
      "Next": "Announce"
    },
    "Announce": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "Email",
          "States": {
            "Email": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sns:publish",
              "Arguments": {
                "TopicArn": "arn:aws:sns:eu-west-1:123456789012:email",
                "Message": "{% $states.input.label %}"
              },
              "TimeoutSeconds": 30,
              "End": true
            }
          }
        },
        {
          "StartAt": "Audit",
          "States": {
            "Audit": {
              "Type": "Pass",
              "Output": {
                "audited": true
              },
              "End": true
            }
          }
        }
      ],
      "Retry": [
        {
          "ErrorEquals": [
            "States.ALL"
          ],
          "MaxAttempts": 1,
          "JitterStrategy": "FULL"
        }
      ],
      "Next": "HowDidItGo?"
    },
    "HowDidItGo?": {
      "Type": "Choice",
      "Choices": [
        {
          "Condition": "{% ($states.input[1].audited = true and $not($contains($carrier, /^.*Post$/))) %}",
          "Next": "Shipped"
        },
        {
          "Condition": "{% (($type($states.input[0].MessageId) = \"string\") or ($states.input[0].MessageId = null)) %}",
          "Next": "NoAudit"
        }
      ],
      "Default": "Unknown"
    },
    "Shipped": {
      "Type": "Succeed"
    },
    "NoAudit": {
      "Type": "Fail",
      "Error": "Audit",
      "Cause": "audit missing"
    },
    "Unknown": {
      "Type": "Fail",
      "Error": "Unknown"
    }
  }
};

const EXPECTED_SHIP_JSONPATH = {
  "Comment": "every state type",
  "QueryLanguage": "JSONPath",
  "StartAt": "Label",
  "TimeoutSeconds": 3600,
  "States": {
    "Label": {
      "Type": "Pass",
      "Parameters": {
        "shipmentId.$": "$.shipmentId",
        "weightKg.$": "$.weightKg",
        "shipBy.$": "$.shipBy",
        "carrier.$": "$.carrier",
        "label.$": "States.Format('{} via {}', $.shipmentId, $.carrier)"
      },
      "Next": "Pause"
    },
    "Pause": {
      "Type": "Wait",
      "Seconds": 5,
      "Assign": {
        "carrier.$": "$.carrier"
      },
      "Next": "UntilPickup"
    },
    "UntilPickup": {
      "Type": "Wait",
      "Timestamp": "2026-12-01T09:00:00Z",
      "Next": "Announce"
    },
    "Announce": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "Email",
          "States": {
            "Email": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {
                "TopicArn": "arn:aws:sns:eu-west-1:123456789012:email",
                "Message.$": "$.label"
              },
              "TimeoutSeconds": 30,
              "End": true
            }
          }
        },
        {
          "StartAt": "Audit",
          "States": {
            "Audit": {
              "Type": "Pass",
              "Result": {
                "audited": true
              },
              "End": true
            }
          }
        }
      ],
      "Retry": [
        {
          "ErrorEquals": [
            "States.ALL"
          ],
          "MaxAttempts": 1,
          "JitterStrategy": "FULL"
        }
      ],
      "Next": "HowDidItGo?"
    },
    "HowDidItGo?": {
      "Type": "Choice",
      "Choices": [
        {
          "And": [
            {
              "Variable": "$[1].audited",
              "BooleanEquals": true
            },
            {
              "Not": {
                "Variable": "$carrier",
                "StringMatches": "*Post"
              }
            }
          ],
          "Next": "Shipped"
        },
        {
          "Or": [
            {
              "Variable": "$[0].MessageId",
              "IsString": true
            },
            {
              "Variable": "$[0].MessageId",
              "IsNull": true
            }
          ],
          "Next": "NoAudit"
        }
      ],
      "Default": "Unknown"
    },
    "Shipped": {
      "Type": "Succeed"
    },
    "NoAudit": {
      "Type": "Fail",
      "Error": "Audit",
      "Cause": "audit missing"
    },
    "Unknown": {
      "Type": "Fail",
      "Error": "Unknown"
    }
  }
};
