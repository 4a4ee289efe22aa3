// Writes src/test-state/service-shapes.json: the output shapes of the AWS operations TestState
// mocks are checked against, read from the AWS SDK v3 clients' operation schemas (the AWS API
// models, maintained by AWS) instead of being written by hand. The clients are devDependencies:
// the runtime reads only the compact JSON this writes.
//
//   node --import tsx packages/runtime/scripts/generate-service-shapes.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as athena from "@aws-sdk/client-athena";
import * as batch from "@aws-sdk/client-batch";
import * as dynamodb from "@aws-sdk/client-dynamodb";
import * as ecs from "@aws-sdk/client-ecs";
import * as eventbridge from "@aws-sdk/client-eventbridge";
import * as glue from "@aws-sdk/client-glue";
import * as lambda from "@aws-sdk/client-lambda";
import * as sfn from "@aws-sdk/client-sfn";
import * as sns from "@aws-sdk/client-sns";
import * as sqs from "@aws-sdk/client-sqs";
import type { ServiceShapes, ShapeRef, ShapeTable } from "../src/test-state/shape-types.ts";

/** The clients, keyed by the service name `arn:aws:states:::aws-sdk:<service>:<action>` uses. */
const CLIENTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  athena,
  batch,
  dynamodb,
  ecs,
  eventbridge,
  glue,
  lambda,
  sfn,
  sns,
  sqs,
};

export const SERVICE_SHAPES_FILE = fileURLToPath(new URL("../src/test-state/service-shapes.json", import.meta.url));

// Smithy's static schema encoding (see @smithy/core/schema): numbers are simple types (with list
// and map modifier bits), arrays are [kind, namespace, name, traits, ...]. Kinds used here:
// 0 simple type with traits, 1 list, 2 map, 3 structure, -3 error, 4 union, 9 operation.
const LIST_MODIFIER = 0b0100_0000;
const MAP_MODIFIER = 0b1000_0000;

type RawSchema = number | string | readonly unknown[] | (() => unknown);

function deref(ref: unknown): unknown {
  return typeof ref === "function" ? (ref as () => unknown)() : ref;
}

/** A member reference is `[schema, traits]`; anything longer is a schema of its own. */
function unwrapMember(ref: unknown): unknown {
  let value = deref(ref);
  while (Array.isArray(value) && value.length === 2) value = deref(value[0]);
  return value;
}

function simpleRef(code: number): ShapeRef {
  if (code >= MAP_MODIFIER) return { map: simpleRef(code & 0b0011_1111) };
  if (code >= LIST_MODIFIER) return { list: simpleRef(code & 0b0011_1111) };
  if (code === 1 || code === 17 || code === 19) return "number";
  if (code === 2) return "boolean";
  if (code >= 4 && code <= 7) return "timestamp";
  if (code === 21 || code === 42) return "blob";
  if (code === 15) return "document";
  return "string";
}

/** Walks one service's schemas, naming each structure once in `table` (recursive shapes stay finite). */
function shapeRef(ref: unknown, table: Record<string, ShapeTable[string]>): ShapeRef {
  const schema = unwrapMember(ref) as RawSchema;
  if (typeof schema === "number") return simpleRef(schema);
  if (typeof schema === "string" || !Array.isArray(schema)) return "document";
  const kind = schema[0] as number;
  if (kind === 0) return shapeRef(schema[4], table);
  if (kind === 1) return { list: shapeRef(schema[4], table) };
  if (kind === 2) return { map: shapeRef(schema[5], table) };
  if (kind === 3 || kind === -3 || kind === 4) {
    const name = String(schema[2]);
    if (!Object.hasOwn(table, name)) {
      // Placeholder first: a member may refer back to this structure.
      table[name] = { members: {}, required: [] };
      const names = schema[4] as readonly string[];
      const refs = schema[5] as readonly unknown[];
      const requiredCount = kind === 4 ? 0 : typeof schema[6] === "number" ? schema[6] : 0;
      const members: Record<string, ShapeRef> = {};
      // Step Functions shows every service's members in PascalCase (`ExecutionArn`, `StartDate`).
      names.forEach((member, i) => (members[pascal(member)] = shapeRef(refs[i], table)));
      table[name] = { members, required: names.slice(0, requiredCount).map(pascal), ...(kind === 4 ? { union: true } : {}) };
    }
    return { shape: name };
  }
  return "document";
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Every operation's output shape of every client, in a stable order. */
export function buildServiceShapes(): ServiceShapes {
  const services: Record<string, ServiceShapes["services"][string]> = {};
  for (const service of Object.keys(CLIENTS).sort()) {
    const exports = CLIENTS[service]!;
    const table: Record<string, ShapeTable[string]> = {};
    const operations: Record<string, ShapeRef> = {};
    for (const exportName of Object.keys(exports).sort()) {
      const schema = exports[exportName];
      if (!exportName.endsWith("$") || !Array.isArray(schema) || schema[0] !== 9) continue;
      operations[String(schema[2])] = shapeRef(schema[5], table);
    }
    const shapes: Record<string, ShapeTable[string]> = {};
    for (const name of Object.keys(table).sort()) shapes[name] = table[name]!;
    services[service] = { operations, shapes };
  }
  return { source: "AWS SDK for JavaScript v3 client operation schemas", services };
}

export function serviceShapesText(): string {
  return `${JSON.stringify(buildServiceShapes())}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SERVICE_SHAPES_FILE, serviceShapesText());
  console.log(`wrote ${SERVICE_SHAPES_FILE}`);
}
