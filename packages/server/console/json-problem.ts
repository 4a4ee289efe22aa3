// Says where JSON text typed into the console fails to parse, in a person's terms (line and
// column), so the form can show it beside the field before anything is sent.

/** Where the JSON text fails to parse, in words: "line 2, column 5: Unexpected token…". */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    if (position === undefined) return message;
    const before = text.slice(0, Number(position));
    const line = before.split("\n").length;
    const column = Number(position) - before.lastIndexOf("\n");
    return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, "")}`;
  }
}
