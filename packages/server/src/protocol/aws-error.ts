/**
 * An error answered the way AWS JSON 1.0 services answer one: HTTP status, `x-amzn-ErrorType`
 * and a body `{ "__type": "<namespace>#<code>", "message": … }`. The AWS SDK and the AWS CLI
 * read the code after `#` and map it to their typed exceptions (ExecutionDoesNotExist, …).
 */
export class AwsError extends Error {
  override readonly name = "AwsError";
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** The namespace AWS puts before `#` (service errors and the Coral framework's own differ). */
    readonly namespace = "com.amazonaws.swf.service.v2.model",
  ) {
    super(message);
  }

  /** The JSON body of the error response. */
  toBody(): Record<string, string> {
    return { __type: `${this.namespace}#${this.code}`, message: this.message };
  }
}

const CORAL_VALIDATE = "com.amazon.coral.validate";
const CORAL_SERVICE = "com.amazon.coral.service";

/** A request that breaks a member constraint (AWS's framework-level validation). */
export function validationError(message: string): AwsError {
  return new AwsError("ValidationException", message, 400, CORAL_VALIDATE);
}

/** A body that is not the JSON the action expects. */
export function serializationError(message: string): AwsError {
  return new AwsError("SerializationException", message, 400, CORAL_SERVICE);
}

/** An `X-Amz-Target` naming no action this service has. */
export function unknownOperation(target: string): AwsError {
  return new AwsError("UnknownOperationException", `The operation '${target}' is not known to AWS Step Functions`, 400, CORAL_SERVICE);
}

/** A fault of the server itself (a bug): 500, the way AWS reports one. */
export function internalFailure(): AwsError {
  return new AwsError("InternalFailure", "The request processing has failed because of an unknown error.", 500, CORAL_SERVICE);
}
