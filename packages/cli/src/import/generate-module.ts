/**
 * ASL to a stepcraft TypeScript module: the workflow declaration, then the states as builder
 * chains. The skeleton is assembled with ts-morph and formatted by the TypeScript formatter.
 */
import { IndentationText, Node, Project, QuoteKind, SyntaxKind, VariableDeclarationKind, type SourceFile } from "ts-morph";
import { blockCode, NameRegistry, type Language, type ModuleWriter } from "./block-code.ts";
import { isRecord } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";

export interface GenerateOptions {
  /** The workflow's name (`workflow(name, …)`), usually from the file name. */
  readonly name: string;
  /** Where the ASL came from, for the header comment. */
  readonly source?: string;
  /** Module the builder is imported from. @default "@stepcraft/core" */
  readonly coreModule?: string;
}

// One project for every file: creating ts-morph projects is the slow part.
let project: Project | undefined;

/** The generated module and how much of it fell back to the `raw` escape hatch. */
export interface GeneratedModule {
  readonly source: string;
  /** States in the definition, nested ones included. */
  readonly states: number;
  /** States generated with a `raw` option (fields the builder has no typed option for), by name. */
  readonly rawStates: readonly string[];
}

/** The TypeScript source of a module exporting the definition as a workflow. */
export function generateModule(definition: Record<string, unknown>, options: GenerateOptions): string {
  return generateModuleReport(definition, options).source;
}

/** The module for `definition`, with its share of states kept under `raw`. */
export function generateModuleReport(definition: Record<string, unknown>, options: GenerateOptions): GeneratedModule {
  const language: Language = definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  const writer: ModuleWriter = { imports: new Set(["workflow", "untyped"]), names: new NameRegistry(), workflowLanguage: language };
  const exportName = writer.names.fresh(options.name);
  const body = blockCode(definition, "flow", language, writer);

  const workflowOptions = objectCode([
    ["input", "untyped()"],
    ["queryLanguage", JSON.stringify(language)],
    ["comment", typeof definition["Comment"] === "string" ? JSON.stringify(definition["Comment"]) : undefined],
    ["timeoutSeconds", typeof definition["TimeoutSeconds"] === "number" ? jsonCode(definition["TimeoutSeconds"]) : undefined],
    ["version", typeof definition["Version"] === "string" ? JSON.stringify(definition["Version"]) : undefined],
  ]);
  const unknownTop = Object.keys(definition).filter((k) => !["Comment", "QueryLanguage", "StartAt", "States", "TimeoutSeconds", "Version"].includes(k));

  project ??= new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double } });
  const file = project.createSourceFile(`/generated-${Math.random().toString(36).slice(2)}.ts`, "", { overwrite: true });
  file.addImportDeclaration({ moduleSpecifier: options.coreModule ?? "@stepcraft/core", namedImports: [...writer.imports].sort() });
  file.insertStatements(0, `// Imported by \`stepcraft import\`${options.source === undefined ? "" : ` from ${options.source}`}.\n// The ASL does not say what its data looks like, so it is declared \`untyped()\` (JSON of unknown shape):\n// replace that with the execution input's type (a zod schema or typeOnly<T>()) to have every path checked.\n`);
  if (unknownTop.length > 0) file.addStatements(`// Top-level fields the builder has no option for were left out: ${unknownTop.join(", ")}.`);
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "flow", initializer: `workflow(${JSON.stringify(options.name)}, ${workflowOptions})` }],
  });
  file.addStatements([...body.statements]);
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: exportName, initializer: `flow.startWith(${body.expression})` }],
  });
  const fields = fieldNames([...body.statements, body.expression].join("\n"));
  if (fields.length > 0) {
    file.addStatements(
      `// The field names read above from untyped data. Declared so that, under noUncheckedIndexedAccess,\n` +
        `// each read is a reference and not "possibly undefined"; typing the input makes this unnecessary.\n` +
        `declare module ${JSON.stringify(options.coreModule ?? "@stepcraft/core")} {\n` +
        `interface JsonFields {\n${fields.map((f) => `readonly ${f}: true;`).join("\n")}\n}\n}`,
    );
  }
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true });
  const text = file.getFullText();
  const rawStates = statesWithRaw(file);
  project.removeSourceFile(file);
  return { source: text, states: countStates(definition), rawStates };
}

const FACTORIES = new Set(["pass", "task", "choice", "wait", "succeed", "fail", "parallel", "map"]);

/** Names of the states whose factory call has a `raw` option, read from the generated syntax. */
function statesWithRaw(file: SourceFile): string[] {
  const names: string[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : "";
    const [name, ...rest] = call.getArguments();
    if (!FACTORIES.has(method) || name === undefined || !Node.isStringLiteral(name)) continue;
    const hasRaw = rest.some((arg) => Node.isObjectLiteralExpression(arg) && arg.getProperty("raw") !== undefined);
    if (hasRaw) names.push(name.getLiteralValue());
  }
  return names;
}

/** The states of a definition, those of Parallel branches and Map processors included. */
function countStates(block: Record<string, unknown>): number {
  const states = isRecord(block["States"]) ? Object.values(block["States"]) : [];
  let n = 0;
  for (const state of states) {
    n += 1;
    if (!isRecord(state)) continue;
    for (const nested of [state["Iterator"], state["ItemProcessor"], ...(Array.isArray(state["Branches"]) ? state["Branches"] : [])]) if (isRecord(nested)) n += countStates(nested);
  }
  return n;
}

/** Every field name and index in the module's data paths (`$.input.a[0].b` → a, 0, b), sorted. */
function fieldNames(code: string): string[] {
  const names = new Set<string>();
  for (const path of code.matchAll(/\$\.(?:input|result|item|context|errorOutput|vars)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)(\()?/g)) {
    const steps = [...(path[1] ?? "").matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)];
    // `$.input.total.gt(5)`: the last step is a method, not a field.
    if (path[2] !== undefined) steps.pop();
    for (const step of steps) names.add(step[1] ?? step[2] ?? "");
  }
  names.delete("");
  return [...names].sort((a, b) => (/^\d/.test(a) === /^\d/.test(b) ? (a < b ? -1 : a > b ? 1 : 0) : /^\d/.test(a) ? -1 : 1));
}

/** A workflow name from a file name: `order-flow.asl.json` → `order-flow`. */
export function workflowNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.asl\.json$|\.json$/i, "") || "Imported";
}

export { isRecord };
