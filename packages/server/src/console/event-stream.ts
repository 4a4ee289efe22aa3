// The console's one addition to the API: a server-sent-events stream per execution
// (GET /console/events?executionArn=…&after=<event id>) that pushes each history event and each
// status change as soon as the execution host has committed it. Everything else the console
// reads and does goes through the AWS JSON API.
import type { IncomingMessage, ServerResponse } from "node:http";
import { epochSeconds } from "../actions/action.ts";
import { historyEvent } from "../actions/executions.ts";
import type { CommitFeed } from "../engine/commit-feed.ts";
import type { ExecutionStore } from "../store/execution-store.ts";

/** At most this many events go in one message, so a long history arrives in steps. */
const BATCH = 500;

/** What a `status` message carries: DescribeExecution's fields for the end of a run. */
export interface StreamStatus {
  readonly status: string;
  readonly stopDate?: number;
  readonly error?: string;
  readonly cause?: string;
  readonly output?: string;
}

/** The open event streams of one server, so that closing the server ends them cleanly. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly store: ExecutionStore,
    private readonly commits: CommitFeed,
  ) {}

  /** Answers GET /console/events: 400/404 as plain text for a bad request, else the stream. */
  handle(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const arn = query.get("executionArn");
    if (arn === null || arn === "") return plain(res, 400, "GET /console/events needs ?executionArn=<execution ARN>");
    if (this.store.execution(arn) === undefined) return plain(res, 404, `Execution Does Not Exist: '${arn}'`);
    // EventSource sends Last-Event-ID when it reconnects; `after` is for the first connection.
    const resumeFrom = req.headers["last-event-id"] ?? query.get("after") ?? "0";
    let sent = Number(Array.isArray(resumeFrom) ? resumeFrom[0] : resumeFrom);
    if (!Number.isInteger(sent) || sent < 0) return plain(res, 400, `'after' must be a history event id (0 or more), not '${String(resumeFrom)}'`);

    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
    let lastStatus: string | undefined;
    const push = (): void => {
      for (;;) {
        const bodies = this.store.events(arn, false, sent, BATCH);
        if (bodies.length === 0) break;
        const events = bodies.map((body) => historyEvent(body, true));
        sent += events.length;
        res.write(`id: ${sent}\nevent: history\ndata: ${JSON.stringify({ events })}\n\n`);
      }
      const row = this.store.execution(arn);
      if (row === undefined || row.status === lastStatus) return;
      lastStatus = row.status;
      const status: StreamStatus = {
        status: row.status,
        ...(row.stop_ms === null ? {} : { stopDate: epochSeconds(row.stop_ms) }),
        ...(row.error === null ? {} : { error: row.error }),
        ...(row.cause === null ? {} : { cause: row.cause }),
        ...(row.output === null ? {} : { output: row.output }),
      };
      res.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
    };
    const unsubscribe = this.commits.subscribe(arn, push);
    this.open.add(res);
    res.on("close", () => {
      unsubscribe();
      this.open.delete(res);
    });
    push();
  }

  /** Ends every open stream (the server is closing): browsers see the stream end, not an error. */
  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
