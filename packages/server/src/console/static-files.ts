// Serves the console's static files (built by packages/server/scripts/build-console.ts into
// dist/console) with a strict Content-Security-Policy: only this origin's script, style and API.
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * No inline script or eval, nothing from another origin; `connect-src 'self'` lets the page call
 * the API and the event stream of the server that served it. The graph's stylesheet is adopted
 * through the CSSOM (constructable stylesheets), which `style-src` does not govern.
 */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The file the built console is recognised by (the source folder has none). */
const BUNDLE = "console.js";

/**
 * Where the built console is: `dist/console` beside `dist/esm` (or `dist/cjs`) in the published
 * package, `packages/server/dist/console` when the server runs from its TypeScript sources.
 */
export function consoleDirectory(): string | undefined {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const candidates = [join(here, "../../dist/console"), join(here, "../../console")];
  return candidates.find((dir) => existsSync(join(dir, BUNDLE)));
}

/** The console file a GET path asks for: `/` is the page, `/console/<name>` one of its files. */
function fileName(pathname: string): string | undefined {
  if (pathname === "/" || pathname === "/console" || pathname === "/console/") return "index.html";
  const name = pathname.slice("/console/".length);
  // Only plain file names of the flat build folder: no traversal, no hidden files.
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && !name.includes("..") ? name : undefined;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), "x-content-type-options": "nosniff" });
  res.end(text);
}

/** Answers a GET/HEAD for the console page or one of its files, from `directory` (undefined: not built). */
export function serveConsoleFile(pathname: string, head: boolean, res: ServerResponse, directory: string | undefined): void {
  if (directory === undefined) {
    return sendText(res, 503, "The stepcraft console is not built: run `npm run build` in the stepcraft repository (the published @stepcraft/server ships it in dist/console). The API answers POST / as usual.\n");
  }
  const name = fileName(pathname);
  const type = name === undefined ? undefined : CONTENT_TYPES[extname(name)];
  const path = name === undefined ? undefined : join(directory, name);
  if (type === undefined || path === undefined || !existsSync(path)) return sendText(res, 404, `No console file at ${pathname}\n`);
  const body = readFileSync(path);
  res.writeHead(200, {
    "content-type": type,
    "content-length": body.length,
    "content-security-policy": CONSOLE_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-cache",
  });
  res.end(head ? undefined : body);
}
