import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ActivityBroker, CallbackRegistry } from "@stepcraft/runtime";
import type { MockConfig, TaskHandler } from "@stepcraft/runtime";
import type { Services } from "./actions/action.ts";
import { routeConsoleRequest } from "./console/console-routes.ts";
import { EventStreams } from "./console/event-stream.ts";
import { handleInputCheck, isInputCheck, type InputSchema } from "./console/input-check.ts";
import { dispatch } from "./dispatch.ts";
import { ExecutionHost } from "./engine/execution-host.ts";
import { ScaledClock } from "./engine/scaled-clock.ts";
import { AwsError, internalFailure, validationError } from "./protocol/aws-error.ts";
import { MAX_REQUEST_BYTES, parseRequestBody } from "./protocol/json-body.ts";
import { requestContext } from "./protocol/request-context.ts";
import { metaValue, openDatabase, randomSecret } from "./store/database.ts";
import { ExecutionStore } from "./store/execution-store.ts";
import { MachineStore } from "./store/machine-store.ts";
import { MapRunStore } from "./store/map-run-store.ts";
import { ResourceStore } from "./store/resource-store.ts";

/** How to run the local Step Functions service. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. @default 8083 */
  readonly port?: number;
  /** Interface to bind; anything but loopback only when asked for. @default "127.0.0.1" */
  readonly host?: string;
  /** Data directory (SQLite database inside), or `:memory:` for a throw-away service. @default ".stepcraft" */
  readonly data?: string;
  /** In-process task handlers by Lambda function name or ARN (or any Task Resource). */
  readonly tasks?: Readonly<Record<string, TaskHandler>>;
  /** A Lambda-API-compatible endpoint for functions no in-process handler serves. */
  readonly lambdaEndpoint?: string;
  /** Step Functions Local's MockConfigFile (parsed with `loadMockConfig`): selected by `stateMachineArn#TestCase`. */
  readonly mockConfig?: MockConfig;
  /** Speeds up time: 60 runs a minute of Waits, back-offs and timeouts in a second. @default 1 */
  readonly timeScale?: number;
  /** How long GetActivityTask waits for a task. @default 60 (as AWS) */
  readonly activityPollSeconds?: number;
  /**
   * Input schemas (Standard Schema: zod, valibot…) by state machine name. The console checks the
   * input of an execution it starts against the schema of its machine; the API does not (AWS has
   * no schemas). `stepcraft serve --workflows` passes each workflow's under the workflow's name.
   */
  readonly inputSchemas?: Readonly<Record<string, InputSchema>>;
}

/** A service that is listening. */
export interface RunningServer {
  /** `http://<host>:<port>`: the endpoint for the SDK (`endpoint`) and the CLI (`--endpoint-url`); in a browser, the console. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Executions a previous process left RUNNING that this one resumed. */
  readonly resumed: number;
  /** Stops listening; running executions stay RUNNING in the data directory and resume on the next start. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.0",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    ...extra,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: AwsError): void {
  send(res, error.status, error.toBody(), { "x-amzn-errortype": error.code });
}

/** Reads a request body up to the size limit (a larger one is refused without reading it all). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_REQUEST_BYTES) return reject(validationError(`The request body of ${declared} bytes exceeds the limit of ${MAX_REQUEST_BYTES} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(validationError(`The request body exceeds the limit of ${MAX_REQUEST_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Starts the Step Functions API (AWS JSON 1.0) over the stepcraft runtime, durable in SQLite, and
 * resumes the executions a previous process left running.
 * @example const server = await startServer({ port: 0, data: ":memory:" }); // new SFNClient({ endpoint: server.url })
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = openDatabase(options.data ?? ".stepcraft");
  const anchor = Number(metaValue(db, "clockAnchorMs", () => String(Date.now())));
  const clock = new ScaledClock(options.timeScale ?? 1, anchor);
  const callbacks = new CallbackRegistry({ now: () => clock.now() });
  const activities = new ActivityBroker(callbacks, { pollTimeoutSeconds: options.activityPollSeconds ?? 60 });
  const executions = new ExecutionStore(db);
  const mapRuns = new MapRunStore(db);
  const host = new ExecutionHost({
    store: executions,
    mapRuns,
    clock,
    callbacks,
    activities,
    tasks: options.tasks ?? {},
    lambdaEndpoint: options.lambdaEndpoint,
    mockConfig: options.mockConfig,
    tokenSecret: metaValue(db, "tokenSecret", randomSecret),
  });
  const closing = new AbortController();
  const services: Services = { machines: new MachineStore(db), executions, mapRuns, resources: new ResourceStore(db), host, activities, clock, closing: closing.signal };

  const streams = new EventStreams(executions, host.commits);

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (routeConsoleRequest(req, res, streams)) return;
        if (isInputCheck(req)) return await handleInputCheck(await readBody(req), res, options.inputSchemas ?? {});
        if (req.method !== "POST") throw new AwsError("UnknownOperationException", `Step Functions answers POST requests, not ${req.method ?? "?"}`, 404, "com.amazon.coral.service");
        const body = parseRequestBody(await readBody(req));
        const target = req.headers["x-amz-target"];
        const result = await dispatch(Array.isArray(target) ? target[0] : target, body, { request: requestContext(req.headers.authorization), services });
        send(res, 200, result ?? {});
      } catch (e) {
        if (e instanceof AwsError) return sendError(res, e);
        process.stderr.write(`stepcraft serve: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        sendError(res, internalFailure());
      }
    })();
  });
  const resumed = host.resumeAll();
  const host_ = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 8083, host_, () => resolve());
    });
  } catch (error) {
    // Port in use, no such interface: let go of what was resumed, leave the data as it was.
    host.detach();
    db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host_.includes(":") ? `[${host_}]` : host_}:${port}`,
    port,
    host: host_,
    resumed,
    close: async () => {
      closing.abort();
      streams.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      host.detach();
      db.close();
    },
  };
}
