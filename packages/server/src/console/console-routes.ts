// Which GET requests belong to the console. The API itself is POST / with X-Amz-Target and is
// not touched: a GET anywhere else still answers AWS's UnknownOperationException.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventStreams } from "./event-stream.ts";
import { consoleDirectory, serveConsoleFile } from "./static-files.ts";

/** Serves the console page, its files and its event stream; false when the request is not the console's. */
export function routeConsoleRequest(req: IncomingMessage, res: ServerResponse, streams: EventStreams): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://console.local");
  if (url.pathname === "/console/events") {
    streams.handle(req, res, url.searchParams);
    return true;
  }
  if (url.pathname !== "/" && url.pathname !== "/console" && !url.pathname.startsWith("/console/")) return false;
  serveConsoleFile(url.pathname, req.method === "HEAD", res, consoleDirectory());
  return true;
}
