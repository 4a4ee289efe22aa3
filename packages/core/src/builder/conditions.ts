/** Boolean combinations of Choice conditions, and raw conditions as the escape hatch. */
import type { JsonObject } from "../ir/expr-node.ts";
import { conditionNode, jsonOnly } from "./ref-proxy.ts";
import { conditionOf, type Condition } from "./value.ts";

/** All conditions hold (`And`). */
export function and(...conditions: readonly [Condition, ...Condition[]]): Condition {
  return conditionOf({ kind: "and", conditions: conditions.map(conditionNode) });
}

/** At least one condition holds (`Or`). */
export function or(...conditions: readonly [Condition, ...Condition[]]): Condition {
  return conditionOf({ kind: "or", conditions: conditions.map(conditionNode) });
}

/** The condition does not hold (`Not`). */
export function not(condition: Condition): Condition {
  return conditionOf({ kind: "not", condition: conditionNode(condition) });
}

/** A raw JSONata condition (without `{% %}`), for JSONata workflows. */
export function jsonataCondition(source: string): Condition {
  return conditionOf({ kind: "rawCondition", jsonata: source });
}

/** A raw JSONPath Choice rule object (`{ Variable, NumericEquals }`), for JSONPath workflows. */
export function jsonPathRule(rule: JsonObject): Condition {
  return conditionOf({ kind: "rawCondition", jsonPath: jsonOnly(rule, "a jsonPathRule()") });
}
