// Lossless number text: AWS echoes a number it did not compute exactly as it was written (`0.0`
// stays `0.0`, recorded: test_invoke_json_values[0.0]), while JavaScript's JSON.parse keeps only
// the value (`0`). State data stays plain JavaScript values (every path, Choice rule, intrinsic,
// JSONata expression and task handler sees a number); the literal text of each number whose
// text JavaScript would not write back the same way (`0.0`, `1.50`, `1e3`, `-0`, integers past
// 2^53) is kept on the side, by the array or object holding it and its key. A container that
// passes through untouched (same object) keeps its texts; copies made by the runtime (ResultPath,
// payload templates, the boundary copies) carry them over; a number computed anew has none and
// is written canonically. Nothing is kept, and JSON.stringify alone writes the text, until the
// process has read a non-canonical literal.

/** Texts of non-canonical number members, by container and key (array indexes as strings). */
const texts = new WeakMap<object, Map<string, string>>();

/** Whether any non-canonical literal was recorded in this process (else JSON.stringify is exact). */
let recorded = false;

/** Whether JavaScript writes `value` back as `text`. */
function isCanonical(text: string, value: number): boolean {
  return String(value) === text;
}

/**
 * Whether `text` may hold a non-canonical number literal: a fraction, an exponent, a minus zero or
 * a long integer. False for most texts, which then skip the scan.
 */
function mayHoldNonCanonicalNumbers(text: string): boolean {
  return /[.eE]|-0|\d{16}/.test(text);
}

/** A number's text at the top level of a payload (it has no container to be kept by). */
export interface RootNumberText {
  readonly value: number;
  readonly text: string;
}

/**
 * Records the literal text of the non-canonical numbers of `text` against `value`, which must be
 * what JSON.parse made of `text` (or a copy of it with the same structure). Returns the text of a
 * top-level number when it is non-canonical (the caller keeps it: a number has no container).
 */
export function recordNumberTexts(text: string, value: unknown): RootNumberText | undefined {
  if (!mayHoldNonCanonicalNumbers(text)) return undefined;
  const scanner = new LiteralScanner(text);
  return scanner.value(value);
}

/** Walks a JSON text in step with its parsed value, keeping the text of non-canonical numbers. */
class LiteralScanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** Scans one value; `parsed` is its parsed form. Returns a non-canonical top-level number's text. */
  value(parsed: unknown): RootNumberText | undefined {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === "{") this.object(parsed);
    else if (c === "[") this.array(parsed);
    else if (c === '"') this.string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      const literal = this.number();
      if (typeof parsed === "number" && !isCanonical(literal, parsed)) return { value: parsed, text: literal };
    } else this.i += c === "n" || c === "t" ? 4 : 5;
    return undefined;
  }

  private object(parsed: unknown): void {
    const holder = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const key = this.key();
      this.skipSpace();
      this.i++; // ':'
      this.member(holder, key, holder === undefined ? undefined : holder[key]);
      this.skipSpace();
      if (this.text[this.i++] === "}") return;
    }
  }

  private array(parsed: unknown): void {
    const holder = Array.isArray(parsed) ? (parsed as unknown[]) : undefined;
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === "]") {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.member(holder, String(index), holder?.[index]);
      this.skipSpace();
      if (this.text[this.i++] === "]") return;
    }
  }

  private member(holder: object | undefined, key: string, parsed: unknown): void {
    const root = this.value(parsed);
    if (root !== undefined && holder !== undefined) setNumberText(holder, key, root.text);
  }

  private key(): string {
    const start = this.i;
    this.string();
    const raw = this.text.slice(start, this.i);
    return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private string(): void {
    this.i++;
    while (this.text[this.i] !== '"') this.i += this.text[this.i] === "\\" ? 2 : 1;
    this.i++;
  }

  private number(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length && /[0-9.eE+-]/.test(this.text[this.i]!)) this.i++;
    return this.text.slice(start, this.i);
  }

  private skipSpace(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i]!)) this.i++;
  }
}

/** Whether any literal was kept in this process (until then there is nothing to carry over). */
export function numberTextsRecorded(): boolean {
  return recorded;
}

/** Keeps `text` as the literal of the number at `holder[key]`. */
export function setNumberText(holder: object, key: string, text: string): void {
  recorded = true;
  let own = texts.get(holder);
  if (own === undefined) texts.set(holder, (own = new Map()));
  own.set(key, text);
}

/** The kept literal of the number at `holder[key]`, if it still holds that number. */
export function numberTextAt(holder: object, key: string | number, value: number): string | undefined {
  if (!recorded) return undefined;
  const text = texts.get(holder)?.get(String(key));
  return text !== undefined && Number(text) === value ? text : undefined;
}

/**
 * Gives `to` (a copy of `from`, or an object built from its members) the kept number texts of
 * `from`, except at `except` (a key the copy replaced). Costs nothing until a text was recorded.
 */
export function copyNumberTexts(from: object, to: object, except?: string | number): void {
  if (!recorded) return;
  const own = texts.get(from);
  if (own === undefined) return;
  const copy = new Map(own);
  if (except !== undefined) copy.delete(String(except));
  if (copy.size > 0) texts.set(to, copy);
}

/** Private-use marker (plus a per-process nonce) standing for a kept literal inside JSON.stringify's output. */
const MARK = `\uE000${Math.random().toString(36).slice(2)}:`;
const MARKED = new RegExp(`"${MARK}(\\d+)\uE000"`, "g");

/**
 * The JSON text of `value` (JSON data), writing each number whose literal was kept as that
 * literal; `root` is the kept text of a top-level number (the execution input's).
 */
export function toJsonText(value: unknown, root?: RootNumberText): string | undefined {
  if (root !== undefined && typeof value === "number" && Object.is(value, root.value)) return root.text;
  if (!recorded || value === null || typeof value !== "object") return JSON.stringify(value);
  const literals: string[] = [];
  const text = JSON.stringify(value, function (this: object, key: string, member: unknown) {
    if (typeof member !== "number") return member;
    const literal = numberTextAt(this, key, member);
    if (literal === undefined) return member;
    literals.push(literal);
    return `${MARK}${literals.length - 1}\uE000`;
  });
  return literals.length === 0 ? text : text.replace(MARKED, (_, index: string) => literals[Number(index)]!);
}
