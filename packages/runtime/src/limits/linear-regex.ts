// Regular expressions from definitions and data run on RE2 (re2js): matching time is linear in
// the input, so `/^(a+)+$/` on a 30-character string takes microseconds, not minutes, and one
// execution's regex can never hold every other execution of the process. JSONata 2.0.6 takes
// the engine as `options.RegexEngine` (a RegExp-like class: `exec` and `lastIndex`), and the
// JSONPath `=~` filter builds its pattern here too. RE2 has no backreferences or lookaround:
// a pattern using them keeps JavaScript's own engine (AWS, a JavaScript JSONata, accepts them).
import { RE2JS } from "re2js";

/** The RegExp subset JSONata and the filter use. */
export interface RegexLike {
  lastIndex: number;
  readonly source: string;
  readonly flags: string;
  exec(input: string): RegExpExecArray | null;
  test(input: string): boolean;
}

/** RE2's flags for JavaScript's (g and y need none: the search position is ours). */
function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes("i")) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes("m")) out |= RE2JS.MULTILINE;
  if (flags.includes("s")) out |= RE2JS.DOTALL;
  return out;
}

/** Compiled patterns by flags and source: JSONata builds a new engine each time a regex is evaluated. */
const compiledPatterns = new Map<string, RE2JS>();
const MAX_CACHED_PATTERNS = 1000;

function compileCached(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  let compiled = compiledPatterns.get(key);
  if (compiled === undefined) {
    compiled = RE2JS.compile(source, re2Flags(flags));
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
    compiledPatterns.set(key, compiled);
  }
  return compiled;
}

/**
 * A RegExp look-alike matched by RE2. `exec` searches from `lastIndex` (JSONata sets it before
 * every call) and, for global or sticky patterns, leaves it after the match, as RegExp does.
 */
export class LinearRegExp implements RegexLike {
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  private readonly compiled: RE2JS;

  constructor(pattern: RegExp | string, flags?: string) {
    this.source = typeof pattern === "string" ? pattern : pattern.source;
    this.flags = flags ?? (typeof pattern === "string" ? "" : pattern.flags);
    this.compiled = compileCached(this.source, this.flags);
  }

  exec(input: string): RegExpExecArray | null {
    const global = this.flags.includes("g") || this.flags.includes("y");
    const from = global ? this.lastIndex : 0;
    const matcher = this.compiled.matcher(input);
    if (from > input.length || !matcher.find(from) || (this.flags.includes("y") && matcher.start() !== from)) {
      if (global) this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let i = 0; i <= this.compiled.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input, groups: undefined }) as unknown as RegExpExecArray;
    if (global) this.lastIndex = matcher.end();
    return match;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}

/**
 * The engine JSONata is given: RE2 when the pattern is RE2 syntax, JavaScript's RegExp otherwise
 * (a backreference or lookaround). A class, because JSONata calls it with `new`.
 */
export const LinearRegexEngine = function LinearRegexEngine(pattern: RegExp | string, flags?: string): RegexLike {
  try {
    return new LinearRegExp(pattern, flags);
  } catch {
    return new RegExp(pattern, flags);
  }
} as unknown as new (pattern: RegExp | string, flags?: string) => RegexLike;
