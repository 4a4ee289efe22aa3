import { AwsError } from "../protocol/aws-error.ts";

/** Default page size of list actions (AWS: 100 when maxResults is 0 or absent). */
const DEFAULT_PAGE = 100;

/**
 * One page of `items` and the token of the next. Tokens are opaque to clients: the offset and the
 * action they belong to, so a token of one listing is refused by another (InvalidToken).
 */
export function page<T>(items: readonly T[], scope: string, maxResults: number | undefined, nextToken: string | undefined): { items: T[]; nextToken: string | undefined } {
  const offset = nextToken === undefined ? 0 : decodeToken(nextToken, scope);
  const size = maxResults === undefined || maxResults === 0 ? DEFAULT_PAGE : maxResults;
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeToken(scope, offset + size) : undefined;
  return { items: slice, nextToken: next };
}

/** The token for the page starting at `offset`. */
export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString("base64url");
}

/** The offset a token stands for, or InvalidToken. */
export function decodeToken(token: string, scope: string): number {
  try {
    const data = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s?: unknown; o?: unknown };
    if (data.s === scope && typeof data.o === "number" && Number.isInteger(data.o) && data.o >= 0) return data.o;
  } catch {
    // fall through: not one of ours
  }
  throw new AwsError("InvalidToken", `Invalid Token: '${token.length > 64 ? `${token.slice(0, 64)}…` : token}' is not a pagination token of this request`);
}
