import type { GrammarError } from "../jsonpath/grammar-result.ts";
import type { IntrinsicCall } from "./intrinsic-ast.ts";

/** How many arguments an intrinsic function takes; `maxArgs: null` means no upper bound. */
export interface IntrinsicSignature {
  readonly minArgs: number;
  readonly maxArgs: number | null;
}

/** The 18 intrinsic functions of Step Functions (JSONPath mode) and their arities. */
export const INTRINSIC_FUNCTIONS = {
  "States.Format": { minArgs: 1, maxArgs: null },
  "States.StringToJson": { minArgs: 1, maxArgs: 1 },
  "States.JsonToString": { minArgs: 1, maxArgs: 1 },
  "States.Array": { minArgs: 0, maxArgs: null },
  "States.ArrayPartition": { minArgs: 2, maxArgs: 2 },
  "States.ArrayContains": { minArgs: 2, maxArgs: 2 },
  "States.ArrayRange": { minArgs: 3, maxArgs: 3 },
  "States.ArrayGetItem": { minArgs: 2, maxArgs: 2 },
  "States.ArrayLength": { minArgs: 1, maxArgs: 1 },
  "States.ArrayUnique": { minArgs: 1, maxArgs: 1 },
  "States.Base64Encode": { minArgs: 1, maxArgs: 1 },
  "States.Base64Decode": { minArgs: 1, maxArgs: 1 },
  "States.Hash": { minArgs: 2, maxArgs: 2 },
  "States.JsonMerge": { minArgs: 3, maxArgs: 3 },
  "States.MathRandom": { minArgs: 2, maxArgs: 3 },
  "States.MathAdd": { minArgs: 2, maxArgs: 2 },
  "States.StringSplit": { minArgs: 2, maxArgs: 2 },
  "States.UUID": { minArgs: 0, maxArgs: 0 },
} as const satisfies Record<string, IntrinsicSignature>;

/** The name of one of the 18 intrinsic functions. */
export type IntrinsicFunctionName = keyof typeof INTRINSIC_FUNCTIONS;

/** True when `name` is one of the 18 intrinsic functions. */
export function isIntrinsicFunctionName(name: string): name is IntrinsicFunctionName {
  return Object.hasOwn(INTRINSIC_FUNCTIONS, name);
}

/** Check every call in the tree names a known function with an accepted number of arguments. */
export function checkIntrinsicArity(call: IntrinsicCall): readonly GrammarError[] {
  const errors: GrammarError[] = [];
  collectArityErrors(call, errors);
  return errors;
}

function collectArityErrors(call: IntrinsicCall, errors: GrammarError[]): void {
  if (!isIntrinsicFunctionName(call.name)) {
    errors.push({ message: `Unknown intrinsic function '${call.name}'`, offset: call.offset });
  } else {
    const signature: IntrinsicSignature = INTRINSIC_FUNCTIONS[call.name];
    const count = call.args.length;
    if (count < signature.minArgs || (signature.maxArgs !== null && count > signature.maxArgs)) {
      errors.push({ message: `${call.name} takes ${describeArity(signature)} but was given ${count}`, offset: call.offset });
    }
  }
  for (const arg of call.args) {
    if (arg.kind === "call") collectArityErrors(arg.call, errors);
  }
}

function describeArity({ minArgs, maxArgs }: IntrinsicSignature): string {
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (maxArgs === null) return `at least ${plural(minArgs)}`;
  if (minArgs === maxArgs) return `exactly ${plural(minArgs)}`;
  return `${minArgs} to ${plural(maxArgs)}`;
}
