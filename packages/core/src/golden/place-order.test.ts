import { describe, it } from "vitest";
import { placeOrder } from "./place-order.ts";
import { expectGolden } from "./expect-golden.ts";

describe("golden: PlaceOrder (the design sketch: Map, Task, Choice, Retry, Catch, resultField)", () => {
  it("compiles placeOrder in JSONata to the expected ASL", () => {
    expectGolden(placeOrder("JSONata"), EXPECTED_PLACEORDER_JSONATA);
  });
  it("compiles placeOrder in JSONPath to the expected ASL", () => {
    expectGolden(placeOrder("JSONPath"), EXPECTED_PLACEORDER_JSONPATH);
  });
});

const EXPECTED_PLACEORDER_JSONATA = {
  "QueryLanguage": "JSONata",
  "StartAt": "ReserveAll",
  "States": {
    "ReserveAll": {
      "Type": "Map",
      "Items": "{% $states.input.items %}",
      "ItemProcessor": {
        "StartAt": "Reserve",
        "States": {
          "Reserve": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Arguments": {
              "FunctionName": "ReserveStock",
              "Payload": {
                "sku": "{% $states.input.sku %}",
                "qty": "{% $states.input.qty %}"
              }
            },
            "Output": "{% $states.result.Payload.reservationId %}",
            "Retry": [
              {
                "ErrorEquals": [
                  "Lambda.TooManyRequestsException"
                ],
                "MaxAttempts": 2,
                "BackoffRate": 1.5
              }
            ],
            "End": true
          }
        }
      },
      "MaxConcurrency": 5,
      "Output": "{% $merge([$states.input, {\"reservations\": $states.result}]) %}",
      "Catch": [
        {
          "ErrorEquals": [
            "OutOfStock"
          ],
          "Next": "SoldOut"
        }
      ],
      "Next": "BigOrder?"
    },
    "BigOrder?": {
      "Type": "Choice",
      "Choices": [
        {
          "Condition": "{% $states.input.total > 1000 %}",
          "Next": "ManualReview"
        }
      ],
      "Default": "Done"
    },
    "SoldOut": {
      "Type": "Fail",
      "Error": "OutOfStock",
      "Cause": "an item is out of stock"
    },
    "ManualReview": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {
        "FunctionName": "ReviewOrder",
        "Payload": {
          "orderId": "{% $states.input.orderId %}",
          "total": "{% $states.input.total %}"
        }
      },
      "Output": "{% $states.result.Payload %}",
      "Next": "Reviewed"
    },
    "Done": {
      "Type": "Succeed"
    },
    "Reviewed": {
      "Type": "Succeed"
    }
  }
};

const EXPECTED_PLACEORDER_JSONPATH = {
  "QueryLanguage": "JSONPath",
  "StartAt": "ReserveAll",
  "States": {
    "ReserveAll": {
      "Type": "Map",
      "ItemsPath": "$.items",
      "ItemProcessor": {
        "StartAt": "Reserve",
        "States": {
          "Reserve": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {
              "FunctionName": "ReserveStock",
              "Payload": {
                "sku.$": "$.sku",
                "qty.$": "$.qty"
              }
            },
            "OutputPath": "$.Payload.reservationId",
            "Retry": [
              {
                "ErrorEquals": [
                  "Lambda.TooManyRequestsException"
                ],
                "MaxAttempts": 2,
                "BackoffRate": 1.5
              }
            ],
            "End": true
          }
        }
      },
      "MaxConcurrency": 5,
      "ResultPath": "$.reservations",
      "Catch": [
        {
          "ErrorEquals": [
            "OutOfStock"
          ],
          "Next": "SoldOut"
        }
      ],
      "Next": "BigOrder?"
    },
    "BigOrder?": {
      "Type": "Choice",
      "Choices": [
        {
          "Variable": "$.total",
          "NumericGreaterThan": 1000,
          "Next": "ManualReview"
        }
      ],
      "Default": "Done"
    },
    "SoldOut": {
      "Type": "Fail",
      "Error": "OutOfStock",
      "Cause": "an item is out of stock"
    },
    "ManualReview": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "ReviewOrder",
        "Payload": {
          "orderId.$": "$.orderId",
          "total.$": "$.total"
        }
      },
      "OutputPath": "$.Payload",
      "Next": "Reviewed"
    },
    "Done": {
      "Type": "Succeed"
    },
    "Reviewed": {
      "Type": "Succeed"
    }
  }
};
