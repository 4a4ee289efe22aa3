// Every colour the diagram paints, in one table, so the stylesheet is generated from it and a
// unit test can check each text colour against each fill it is drawn on (WCAG AA: 4.5:1).
import type { ExecutionOutcome, StateStatus } from "./execution-status.ts";

/** A filled shape: its fill and outline. */
export interface Swatch {
  readonly fill: string;
  readonly stroke: string;
}

/** A pill of text on a fill (badges, markers, outcome labels). */
export interface TextSwatch {
  readonly fill: string;
  readonly text: string;
}

export const PALETTE = {
  /** A state's name. */
  text: "#1f1f1f",
  /** A state's TYPE caption, block titles. */
  caption: "#5f6368",
  /** Name and caption of a state the execution never reached: muted, yet readable. */
  mutedText: "#5f6368",
  types: {
    task: { fill: "#e8f0fe", stroke: "#3367d6" },
    pass: { fill: "#f1f3f4", stroke: "#5f6368" },
    wait: { fill: "#fff8e1", stroke: "#b08000" },
    choice: { fill: "#f3e8fd", stroke: "#8430ce" },
    succeed: { fill: "#e6f4ea", stroke: "#188038" },
    fail: { fill: "#fce8e6", stroke: "#c5221f" },
    parallel: { fill: "#fbfbfd", stroke: "#3367d6" },
    map: { fill: "#fdfbff", stroke: "#8430ce" },
    unknown: { fill: "#ffffff", stroke: "#9aa0a6" },
  },
  statuses: {
    succeeded: { fill: "#e6f4ea", stroke: "#188038" },
    caught: { fill: "#fff0e0", stroke: "#b45309" },
    retried: { fill: "#fef7e0", stroke: "#e37400" },
    failed: { fill: "#fce8e6", stroke: "#c5221f" },
    "in-progress": { fill: "#e8f0fe", stroke: "#1a73e8" },
    "not-visited": { fill: "#f8f9fa", stroke: "#bdc1c6" },
  } satisfies Record<StateStatus, Swatch>,
  /** Lighter fills for Map/Parallel containers, whose nested blocks sit on them. */
  containerTints: { succeeded: "#f6fbf7", failed: "#fef8f7" } satisfies Partial<Record<StateStatus, string>>,
  /** The attempt-count badge. */
  badge: { fill: "#a04100", text: "#ffffff" },
  /** Start and End. */
  marker: { fill: "#3c4043", text: "#ffffff" },
  /** Edge labels sit on a white box; a Catch label is red. */
  edgeLabel: { fill: "#ffffff", text: "#3c4043" },
  catchLabel: { fill: "#ffffff", text: "#a50e0e" },
  /** Focus ring around the focused state (non-text contrast against the white page: 3:1). */
  focus: "#0b57d0",
  /** The execution's outcome pill on the HTML page. */
  outcomes: {
    succeeded: { fill: "#e6f4ea", text: "#0d652d" },
    failed: { fill: "#fce8e6", text: "#a50e0e" },
    "timed-out": { fill: "#fce8e6", text: "#a50e0e" },
    aborted: { fill: "#e8f0fe", text: "#174ea6" },
    running: { fill: "#e8f0fe", text: "#174ea6" },
  } satisfies Record<ExecutionOutcome, TextSwatch>,
} as const;

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
