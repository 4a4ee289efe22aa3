// Cross-field rules per state type. A Record over StateType: adding a state type fails the build
// until it has a handler here.
import type { StateType } from "../types.ts";
import type { StateScope, ValidationContext } from "./context.ts";
import { checkChoiceState } from "./rules/choice.ts";
import { checkFailState } from "./rules/fail.ts";
import { checkMapState } from "./rules/map.ts";
import { checkParallelState } from "./rules/parallel.ts";
import { checkTransition } from "./rules/state-shape.ts";
import { checkTaskState } from "./rules/task.ts";
import { checkWaitState } from "./rules/wait.ts";

/** Checks the rules that involve more than one field of a state. */
export type StateHandler = (context: ValidationContext, scope: StateScope) => void;

/** The handler of every state type. */
export const STATE_HANDLERS: Record<StateType, StateHandler> = {
  Task: checkTaskState,
  Pass: checkTransition,
  Choice: checkChoiceState,
  Wait: checkWaitState,
  Succeed: () => undefined,
  Fail: checkFailState,
  Parallel: checkParallelState,
  Map: checkMapState,
};
