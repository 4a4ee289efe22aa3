/**
 * ASL to a stepcraft TypeScript module: the workflow declaration, then the states as builder
 * chains. The skeleton is assembled with ts-morph and formatted by the TypeScript formatter.
 */
import { IndentationText, Project, QuoteKind, VariableDeclarationKind } from "ts-morph";
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

/** The TypeScript source of a module exporting the definition as a workflow. */
export function generateModule(definition: Record<string, unknown>, options: GenerateOptions): string {
  const language: Language = definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  const writer: ModuleWriter = { imports: new Set(["workflow", "typeOnly"]), names: new NameRegistry(), workflowLanguage: language };
  const exportName = writer.names.fresh(options.name);
  const body = blockCode(definition, "flow", language, writer);

  const workflowOptions = objectCode([
    ["input", "typeOnly<unknown>()"],
    ["queryLanguage", JSON.stringify(language)],
    ["comment", typeof definition["Comment"] === "string" ? JSON.stringify(definition["Comment"]) : undefined],
    ["timeoutSeconds", typeof definition["TimeoutSeconds"] === "number" ? jsonCode(definition["TimeoutSeconds"]) : undefined],
    ["version", typeof definition["Version"] === "string" ? JSON.stringify(definition["Version"]) : undefined],
  ]);
  const unknownTop = Object.keys(definition).filter((k) => !["Comment", "QueryLanguage", "StartAt", "States", "TimeoutSeconds", "Version"].includes(k));

  project ??= new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double } });
  const file = project.createSourceFile(`/generated-${Math.random().toString(36).slice(2)}.ts`, "", { overwrite: true });
  file.addImportDeclaration({ moduleSpecifier: options.coreModule ?? "@stepcraft/core", namedImports: [...writer.imports].sort() });
  file.insertStatements(0, `// Imported by \`stepcraft import\`${options.source === undefined ? "" : ` from ${options.source}`}. The ASL does not say what its data looks like:\n// replace \`unknown\` with the execution input's type (a zod schema or typeOnly<T>()).\n`);
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
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}

/** A workflow name from a file name: `order-flow.asl.json` → `order-flow`. */
export function workflowNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.asl\.json$|\.json$/i, "") || "Imported";
}

export { isRecord };
