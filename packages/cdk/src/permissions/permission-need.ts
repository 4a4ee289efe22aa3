/**
 * What one part of a definition needs from IAM, before it becomes a policy statement. Needs that
 * name the state machine itself are kept apart: a role policy the machine depends on cannot
 * reference the machine's own ARN without a circular dependency.
 */
import { PolicyStatement } from "aws-cdk-lib/aws-iam";

/** Actions on resources, optionally under conditions. */
export interface PermissionNeed {
  readonly actions: readonly string[];
  /** ARNs (tokens allowed); `*` only where the definition makes the resource dynamic. */
  readonly resources: readonly string[];
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Names the state machine's own ARN: granted through a separate policy. */
  readonly onSelf?: boolean;
}

/** Merges needs with the same actions and conditions into one statement each, in first-seen order, without repeated resources. */
export function toPolicyStatements(needs: readonly PermissionNeed[]): PolicyStatement[] {
  const merged = new Map<string, { actions: readonly string[]; resources: Set<string>; conditions: PermissionNeed["conditions"] }>();
  for (const need of needs) {
    const actions = [...new Set(need.actions)].sort();
    const key = JSON.stringify([actions, need.conditions ?? null]);
    const entry = merged.get(key) ?? { actions, resources: new Set<string>(), conditions: need.conditions };
    for (const resource of need.resources) entry.resources.add(resource);
    merged.set(key, entry);
  }
  return [...merged.values()].map(
    ({ actions, resources, conditions }) =>
      new PolicyStatement({
        actions: [...actions],
        // One dynamic resource makes the rest redundant.
        resources: resources.has("*") ? ["*"] : [...resources],
        ...(conditions === undefined ? {} : { conditions: { ...conditions } }),
      }),
  );
}
