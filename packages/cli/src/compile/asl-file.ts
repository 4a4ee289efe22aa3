/** How compiled ASL is written: one stable spelling, so committed files diff cleanly. */

/** 2-space JSON and a final newline: the same workflow always gives the same bytes. */
export function formatAsl(asl: unknown): string {
  return `${JSON.stringify(asl, null, 2)}\n`;
}

/** `<name>.asl.json`, with characters file systems dislike replaced. */
export function aslFileName(workflowName: string): string {
  return `${workflowName.replace(/[^A-Za-z0-9._-]/g, "_")}.asl.json`;
}
