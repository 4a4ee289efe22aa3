/** The exceptions SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat raise. */
export type TaskCallbackErrorCode = "TaskDoesNotExist" | "TaskTimedOut" | "InvalidToken" | "InvalidOutput";

/** A callback call AWS would refuse; `code` is the AWS exception name. */
export class TaskCallbackError extends Error {
  override readonly name = "TaskCallbackError";

  constructor(
    readonly code: TaskCallbackErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The task behind the token has ended (answered, timed out, or its execution stopped). */
export function taskTimedOut(): TaskCallbackError {
  return new TaskCallbackError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
}

/** No task was ever given this token. */
export function taskDoesNotExist(token: string): TaskCallbackError {
  return new TaskCallbackError("TaskDoesNotExist", `Task Does Not Exist: no task has the token '${token}'`);
}

/** Not a token at all (AWS: 1 to 2,048 characters). */
export function invalidToken(): TaskCallbackError {
  return new TaskCallbackError("InvalidToken", "Invalid Token: 'Invalid token'");
}

export function invalidOutput(reason: string): TaskCallbackError {
  return new TaskCallbackError("InvalidOutput", `Invalid Output: '${reason}'`);
}
