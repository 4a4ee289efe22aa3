// The console's only way to the service: the Step Functions API itself (AWS JSON 1.0, POST / with
// X-Amz-Target), exactly as the SDK calls it, so the console can do nothing the API cannot.

/** An error the API answered with: AWS's error code and message, shown to the user as they are. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls one action; resolves to its JSON response or rejects with the ApiError AWS would give. */
export async function callApi<T>(action: string, body: Readonly<Record<string, unknown>>): Promise<T> {
  const response = await fetch("/", {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": `AWSStepFunctions.${action}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
  if (!response.ok) {
    const type = String(parsed["__type"] ?? response.headers.get("x-amzn-errortype") ?? "Error");
    const code = type.slice(type.lastIndexOf("#") + 1);
    const message = String(parsed["message"] ?? parsed["Message"] ?? `HTTP ${response.status}`);
    throw new ApiError(code, message, response.status);
  }
  return parsed as T;
}

/** "Code: message" for an error of any kind, as the page shows it. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export interface StateMachineListItem {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly type: string;
  readonly creationDate: number;
}

export interface ExecutionListItem {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: string;
  readonly startDate: number;
  readonly stopDate?: number;
}

export interface ExecutionDescription extends ExecutionListItem {
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly redriveCount?: number;
  readonly redriveStatus?: string;
  readonly redriveStatusReason?: string;
}
