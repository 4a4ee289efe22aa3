import { describe, it } from "vitest";
import { escapeHatch, importRows } from "./integrations.ts";
import { expectGolden } from "./expect-golden.ts";

describe("golden: distributed Map, callbacks, .sync, SDK, activity, raw escape hatches", () => {
  it("compiles importRows in JSONata to the expected ASL", () => {
    expectGolden(importRows("JSONata"), EXPECTED_IMPORTROWS_JSONATA);
  });
  it("compiles importRows in JSONPath to the expected ASL", () => {
    expectGolden(importRows("JSONPath"), EXPECTED_IMPORTROWS_JSONPATH);
  });
  it("compiles escapeHatch in JSONata to the expected ASL", () => {
    expectGolden(escapeHatch("JSONata"), EXPECTED_ESCAPEHATCH_JSONATA);
  });
  it("compiles escapeHatch in JSONPath to the expected ASL", () => {
    expectGolden(escapeHatch("JSONPath"), EXPECTED_ESCAPEHATCH_JSONPATH);
  });
});

const EXPECTED_IMPORTROWS_JSONATA = {
  "QueryLanguage": "JSONata",
  "StartAt": "LoadRows",
  "States": {
    "LoadRows": {
      "Type": "Map",
      "ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {
          "InputType": "CSV",
          "CSVHeaderLocation": "FIRST_ROW",
          "MaxItems": 1000
        },
        "Arguments": {
          "Bucket": "imports",
          "Key": "rows.csv"
        }
      },
      "ItemBatcher": {
        "MaxItemsPerBatch": 100,
        "BatchInput": {
          "source": "csv"
        }
      },
      "ItemProcessor": {
        "ProcessorConfig": {
          "Mode": "DISTRIBUTED",
          "ExecutionType": "EXPRESS"
        },
        "StartAt": "Settle",
        "States": {
          "Settle": {
            "Type": "Task",
            "Resource": "arn:aws:states:eu-west-1:123456789012:activity:Settle",
            "Arguments": {
              "batch": "{% $count($states.input.Items) %}"
            },
            "HeartbeatSeconds": 60,
            "End": true
          }
        }
      },
      "ResultWriter": {
        "Resource": "arn:aws:states:::s3:putObject",
        "WriterConfig": {
          "Transformation": "COMPACT",
          "OutputType": "JSONL"
        },
        "Arguments": {
          "Bucket": "imports",
          "Prefix": "results"
        }
      },
      "MaxConcurrency": 50,
      "ToleratedFailurePercentage": 5,
      "Label": "rows",
      "Output": "{% $merge([$states.input, {\"load\": $states.result}]) %}",
      "Next": "Approve"
    },
    "Approve": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "Arguments": {
        "FunctionName": "RequestApproval",
        "Payload": {
          "orderId": "{% $states.input.orderId %}",
          "total": "{% $states.input.total %}",
          "token": "{% $states.context.Task.Token %}"
        }
      },
      "TimeoutSeconds": 86400,
      "Output": "{% $merge([$states.input, {\"approval\": $states.result}]) %}",
      "Next": "RunJob"
    },
    "RunJob": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "Arguments": {
        "Cluster": "imports",
        "TaskDefinition": "settle:3"
      },
      "Credentials": {
        "RoleArn": "arn:aws:iam::123456789012:role/Importer"
      },
      "Output": {
        "taskArn": "{% ($states.result.Tasks)[0] %}"
      },
      "Retry": [
        {
          "ErrorEquals": [
            "ECS.AmazonECSException",
            "States.Timeout"
          ],
          "IntervalSeconds": 5,
          "MaxDelaySeconds": 60
        }
      ],
      "Next": "Save"
    },
    "Save": {
      "Type": "Task",
      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Arguments": {
        "TableName": "runs",
        "Item": {
          "id": {
            "S": "{% $uuid() %}"
          },
          "task": {
            "S": "{% $string($states.input.taskArn) %}"
          }
        }
      },
      "Catch": [
        {
          "ErrorEquals": [
            "DynamoDb.ConditionalCheckFailedException"
          ],
          "Next": "AlreadySaved"
        }
      ],
      "End": true,
      "Comment": "raw fields are merged last"
    },
    "AlreadySaved": {
      "Type": "Succeed"
    }
  }
};

const EXPECTED_IMPORTROWS_JSONPATH = {
  "QueryLanguage": "JSONPath",
  "StartAt": "LoadRows",
  "States": {
    "LoadRows": {
      "Type": "Map",
      "ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {
          "InputType": "CSV",
          "CSVHeaderLocation": "FIRST_ROW",
          "MaxItems": 1000
        },
        "Parameters": {
          "Bucket": "imports",
          "Key": "rows.csv"
        }
      },
      "ItemBatcher": {
        "MaxItemsPerBatch": 100,
        "BatchInput": {
          "source": "csv"
        }
      },
      "ItemProcessor": {
        "ProcessorConfig": {
          "Mode": "DISTRIBUTED",
          "ExecutionType": "EXPRESS"
        },
        "StartAt": "Settle",
        "States": {
          "Settle": {
            "Type": "Task",
            "Resource": "arn:aws:states:eu-west-1:123456789012:activity:Settle",
            "Parameters": {
              "batch.$": "States.ArrayLength($.Items)"
            },
            "HeartbeatSeconds": 60,
            "End": true
          }
        }
      },
      "ResultWriter": {
        "Resource": "arn:aws:states:::s3:putObject",
        "WriterConfig": {
          "Transformation": "COMPACT",
          "OutputType": "JSONL"
        },
        "Parameters": {
          "Bucket": "imports",
          "Prefix": "results"
        }
      },
      "MaxConcurrency": 50,
      "ToleratedFailurePercentage": 5,
      "Label": "rows",
      "ResultPath": "$.load",
      "Next": "Approve"
    },
    "Approve": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "Parameters": {
        "FunctionName": "RequestApproval",
        "Payload": {
          "orderId.$": "$.orderId",
          "total.$": "$.total",
          "token.$": "$$.Task.Token"
        }
      },
      "TimeoutSeconds": 86400,
      "ResultPath": "$.approval",
      "Next": "RunJob"
    },
    "RunJob": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "Parameters": {
        "Cluster": "imports",
        "TaskDefinition": "settle:3"
      },
      "Credentials": {
        "RoleArn": "arn:aws:iam::123456789012:role/Importer"
      },
      "ResultSelector": {
        "taskArn.$": "States.ArrayGetItem($.Tasks, 0)"
      },
      "Retry": [
        {
          "ErrorEquals": [
            "ECS.AmazonECSException",
            "States.Timeout"
          ],
          "IntervalSeconds": 5,
          "MaxDelaySeconds": 60
        }
      ],
      "Next": "Save"
    },
    "Save": {
      "Type": "Task",
      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {
        "TableName": "runs",
        "Item": {
          "id": {
            "S.$": "States.UUID()"
          },
          "task": {
            "S.$": "States.JsonToString($.taskArn)"
          }
        }
      },
      "Catch": [
        {
          "ErrorEquals": [
            "DynamoDb.ConditionalCheckFailedException"
          ],
          "Next": "AlreadySaved"
        }
      ],
      "End": true,
      "Comment": "raw fields are merged last"
    },
    "AlreadySaved": {
      "Type": "Succeed"
    }
  }
};

const EXPECTED_ESCAPEHATCH_JSONATA = {
  "QueryLanguage": "JSONata",
  "StartAt": "Big?",
  "States": {
    "Big?": {
      "Type": "Choice",
      "Choices": [
        {
          "Condition": "{% ($states.input.a[0]) > 10 %}",
          "Next": "Pick"
        }
      ],
      "Default": "Small"
    },
    "Pick": {
      "Type": "Pass",
      "Output": {
        "first": "{% $states.input.a[0] %}",
        "name": "{% $uppercase($states.input.name) %}"
      },
      "End": true
    },
    "Small": {
      "Type": "Succeed"
    }
  }
};

const EXPECTED_ESCAPEHATCH_JSONPATH = {
  "QueryLanguage": "JSONPath",
  "StartAt": "Big?",
  "States": {
    "Big?": {
      "Type": "Choice",
      "Choices": [
        {
          "Variable": "$.a[0]",
          "NumericGreaterThan": 10,
          "Next": "Pick"
        }
      ],
      "Default": "Small"
    },
    "Pick": {
      "Type": "Pass",
      "Parameters": {
        "first.$": "$.a[0]",
        "name.$": "$.name"
      },
      "End": true
    },
    "Small": {
      "Type": "Succeed"
    }
  }
};
