// Renders the zod ASL schema as the JSON Schema text committed in schema/asl.schema.json.
import { zodModule } from "../lazy-dependencies.ts";
import { stateMachineDefinitionSchema } from "./asl-schema.ts";

/** The JSON Schema (draft 2020-12) of a state machine definition, as formatted JSON text. */
export function aslJsonSchemaText(): string {
  const schema = zodModule().toJSONSchema(stateMachineDefinitionSchema(), { target: "draft-2020-12", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, $id: "https://stepcraft.dev/schema/asl.schema.json" }, null, 2)}\n`;
}
