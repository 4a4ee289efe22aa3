// Workflow variables: scopes, Assign application and AWS's limits. See ../jsonata/README.md.
export { VariableScope } from "./scope.ts";
export type { ChildScopeOptions, StoredVariable } from "./scope.ts";
export { assignVariables, checkAssignDefinition, compileAssign, VARIABLE_LIMIT_ERROR, INVALID_ASSIGN_ERROR } from "./assign.ts";
export type { AssignmentRecord, CompileAssignOptions, CompiledJsonataAssign, CompiledJsonPathAssign } from "./assign.ts";
export { AWS_VARIABLE_LIMITS, VariableBudget } from "./limits.ts";
export type { VariableLimits } from "./limits.ts";
export { variableNameProblem, MAX_VARIABLE_NAME_LENGTH, RESERVED_VARIABLE_NAME } from "./names.ts";
