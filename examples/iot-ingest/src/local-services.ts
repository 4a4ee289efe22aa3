// In-memory stand-ins for the AWS services the workflow calls directly (SNS, DynamoDB, SQS), bound
// by Resource ARN for the local runtime. They record what the workflow sent so tests can read it,
// and can be told to throttle, the way DynamoDB does under a burst.
import { StatesError } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";

export interface PublishedAlert {
  readonly TopicArn: string;
  readonly Subject: string;
  readonly Message: string;
}

/**
 * An error as the AWS service integration reports it (`DynamoDB.…Exception`). A service binding
 * throws a StatesError: any other thrown value is a runtime fault (States.Runtime), not an answer.
 */
function serviceError(name: string, message: string): StatesError {
  return new StatesError(name, message);
}

export class LocalServices {
  readonly alerts: PublishedAlert[] = [];
  /** The latest-readings table: item by deviceId. */
  readonly latest = new Map<string, Readonly<Record<string, unknown>>>();
  readonly deadLetters: string[] = [];
  private throttles = 0;
  private failure: string | undefined;

  /** The next `count` putItem calls are throttled. */
  throttle(count: number): this {
    this.throttles = count;
    return this;
  }

  /** Every putItem call fails with this error (e.g. a table that does not exist). */
  failPutItem(error: string): this {
    this.failure = error;
    return this;
  }

  tasks(): Record<string, TaskHandler> {
    return {
      "arn:aws:states:::sns:publish": (input) => {
        this.alerts.push(input as PublishedAlert);
        return { MessageId: `msg-${this.alerts.length}` };
      },
      "arn:aws:states:::dynamodb:putItem": (input) => {
        if (this.failure !== undefined) throw serviceError(this.failure, "the table is not available");
        if (this.throttles > 0) {
          this.throttles -= 1;
          throw serviceError("DynamoDB.ProvisionedThroughputExceededException", "Rate of requests exceeds the allowed throughput");
        }
        const { Item } = input as { readonly Item: Readonly<Record<string, { readonly S?: string }>> };
        this.latest.set(Item["deviceId"]?.S ?? "?", Item);
        return {};
      },
      "arn:aws:states:::sqs:sendMessage": (input) => {
        this.deadLetters.push((input as { readonly MessageBody: string }).MessageBody);
        return { MessageId: `dlq-${this.deadLetters.length}`, MD5OfMessageBody: "" };
      },
    };
  }
}
