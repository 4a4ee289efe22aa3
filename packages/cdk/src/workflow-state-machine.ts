/**
 * `WorkflowStateMachine`: deploys a stepcraft workflow (or any ASL) as an
 * `AWS::StepFunctions::StateMachine`, with its handlers bundled, wired in through
 * DefinitionSubstitutions, the least IAM its final definition needs, logging and tracing.
 */
import { Annotations, Names, Stack, type Duration, type RemovalPolicy } from "aws-cdk-lib";
import { Policy, type Grant, type IGrantable, type IRole, type PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { NodejsFunctionProps } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays, type ILogGroup } from "aws-cdk-lib/aws-logs";
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import { validateDefinition } from "@stepcraft/asl";
import { Construct } from "constructs";
import { readDefinition, sourceLambdas, type DefinitionSource } from "./definition/definition-source.ts";
import { reportDiagnostics, uniqueDiagnostics } from "./definition/report-diagnostics.ts";
import type { LambdaDeclaration } from "./functions/lambda-declaration.ts";
import { wireFunctions } from "./functions/wire-functions.ts";
import { definitionPermissions } from "./permissions/definition-permissions.ts";
import { toPolicyStatements } from "./permissions/permission-need.ts";

/** Where and how much the state machine logs. */
export interface WorkflowLoggingOptions {
  /** @default a new log group under `/aws/vendedlogs/states/`, kept one month */
  readonly destination?: ILogGroup;
  /** @default LogLevel.ALL for Express machines (their only history), LogLevel.ERROR for Standard */
  readonly level?: LogLevel;
  /** Log each state's input and output too. @default false */
  readonly includeExecutionData?: boolean;
}

/** Properties of a `WorkflowStateMachine`. */
export interface WorkflowStateMachineProps {
  /** A stepcraft workflow (anything with `toAsl()`), an ASL definition object, or its JSON text. */
  readonly definition: DefinitionSource;
  /** @default "STANDARD" */
  readonly stateMachineType?: StateMachineType | "STANDARD" | "EXPRESS";
  /** @default a name CloudFormation generates */
  readonly stateMachineName?: string;
  /**
   * Handlers declared with core's `lambda()`: each one the definition calls is bundled with esbuild and wired in.
   * @default the workflow's own (`definition.lambdas`, what its Task states invoke); none for ASL
   */
  readonly lambdas?: readonly LambdaDeclaration[];
  /** Existing functions (or their ARNs), by the function name the definition calls or by a declaration's lambda name; wins over `lambdas`. @default none */
  readonly functions?: Readonly<Record<string, IFunction | string>>;
  /** Props for every bundled function (runtime, memory, environment, bundling). @default Node.js 22, local esbuild */
  readonly functionDefaults?: NodejsFunctionProps;
  /** Props for one bundled function, by the name the definition calls, over `functionDefaults`. @default none */
  readonly functionProps?: Readonly<Record<string, NodejsFunctionProps>>;
  /** Directory that relative `entry` paths of `lambdas` are resolved against. @default process.cwd() */
  readonly entryRoot?: string;
  /** More `${key}` substitutions for the definition (their values may be tokens). @default none */
  readonly definitionSubstitutions?: Readonly<Record<string, string>>;
  /** @default a new role that Step Functions assumes */
  readonly role?: IRole;
  /** `false` turns logging off. @default logging to a new log group (see WorkflowLoggingOptions) */
  readonly logging?: WorkflowLoggingOptions | false;
  /** X-Ray tracing. @default false */
  readonly tracing?: boolean;
  /** The execution timeout; replaces the definition's `TimeoutSeconds`. @default the definition's own (none: a year for Standard) */
  readonly timeout?: Duration;
  /** Grant the role what the definition's tasks need. @default true */
  readonly grantTaskPermissions?: boolean;
  /** More statements for the role (what no rule can derive, e.g. a KMS key an activity uses). @default none */
  readonly policyStatements?: readonly PolicyStatement[];
  /** Applies to the state machine and to a log group it creates. @default RemovalPolicy.DESTROY for the state machine, RETAIN for the log group */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A Step Functions state machine deployed from a stepcraft workflow or raw ASL.
 * @example
 * // The lambda() handlers placeOrder's tasks call are bundled and wired in (`placeOrder.lambdas`).
 * new WorkflowStateMachine(stack, "PlaceOrder", { definition: placeOrder, stateMachineType: "EXPRESS" });
 */
export class WorkflowStateMachine extends Construct {
  /** The underlying L2 state machine (metrics, imports, anything not surfaced here). */
  readonly stateMachine: StateMachine;
  /** The machine's ARN (a token until deployment). */
  readonly stateMachineArn: string;
  /** The machine's name (a token unless `stateMachineName` is given). */
  readonly stateMachineName: string;
  /** Standard or Express. */
  readonly stateMachineType: StateMachineType;
  /** The role executions run as. */
  readonly role: IRole;
  /** The log group, when logging is on. */
  readonly logGroup: ILogGroup | undefined;
  /** The functions the definition calls, bundled or given, by the name it calls them. */
  readonly functions: ReadonlyMap<string, IFunction>;
  /** The deployed definition, with `${…}` placeholders where functions are wired in. */
  readonly definition: Readonly<Record<string, unknown>>;
  /** The DefinitionSubstitutions CloudFormation applies to `definition`. */
  readonly definitionSubstitutions: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    this.stateMachineType = String(props.stateMachineType ?? "STANDARD") === "EXPRESS" ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
    const source = readDefinition(props.definition);
    const definition = { ...source.definition };
    if (props.timeout !== undefined) definition["TimeoutSeconds"] = props.timeout.toSeconds();

    // A workflow knows the lambda() declarations its tasks call; an explicit `lambdas` replaces them.
    const wiring = wireFunctions(this, definition, { ...props, lambdas: props.lambdas ?? sourceLambdas(props.definition) });
    this.definition = wiring.definition;
    this.functions = wiring.functions;
    this.definitionSubstitutions = wiring.substitutions;

    const validation = source.readable ? validateDefinition(this.definition, { stateMachineType: this.stateMachineType === StateMachineType.EXPRESS ? "EXPRESS" : "STANDARD" }) : [];
    const diagnostics = [...source.diagnostics, ...validation];
    reportDiagnostics(this, uniqueDiagnostics(diagnostics));
    this.warnAboutUnknownPlaceholders();

    this.logGroup = props.logging === false ? undefined : (props.logging?.destination ?? this.createLogGroup(props.removalPolicy));
    this.stateMachine = new StateMachine(this, "Resource", {
      definitionBody: DefinitionBody.fromString(JSON.stringify(this.definition)),
      definitionSubstitutions: { ...this.definitionSubstitutions },
      stateMachineType: this.stateMachineType,
      ...(props.stateMachineName === undefined ? {} : { stateMachineName: props.stateMachineName }),
      ...(props.role === undefined ? {} : { role: props.role }),
      ...(props.removalPolicy === undefined ? {} : { removalPolicy: props.removalPolicy }),
      ...(this.logGroup === undefined ? {} : { logs: this.logOptions(this.logGroup, props.logging === false ? undefined : props.logging) }),
      tracingEnabled: props.tracing ?? false,
    });
    this.stateMachineArn = this.stateMachine.stateMachineArn;
    this.stateMachineName = this.stateMachine.stateMachineName;
    this.role = this.stateMachine.role;

    if (props.grantTaskPermissions !== false) this.grantTaskPermissions();
    for (const statement of props.policyStatements ?? []) this.stateMachine.addToRolePolicy(statement);
  }

  /** Lets `identity` start executions. */
  grantStartExecution(identity: IGrantable): Grant {
    return this.stateMachine.grantStartExecution(identity);
  }

  /** Lets `identity` start synchronous (Express) executions. */
  grantStartSyncExecution(identity: IGrantable): Grant {
    return this.stateMachine.grantStartSyncExecution(identity);
  }

  /** Lets `identity` list and describe executions and read their history. */
  grantRead(identity: IGrantable): Grant {
    return this.stateMachine.grantRead(identity);
  }

  /** Lets `identity` answer callback tasks (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat). */
  grantTaskResponse(identity: IGrantable): Grant {
    return this.stateMachine.grantTaskResponse(identity);
  }

  /** Lets `identity` perform `actions` on this machine's executions. */
  grantExecution(identity: IGrantable, ...actions: string[]): Grant {
    return this.stateMachine.grantExecution(identity, ...actions);
  }

  /** Lets `identity` perform `actions` on this state machine. */
  grant(identity: IGrantable, ...actions: string[]): Grant {
    return this.stateMachine.grant(identity, ...actions);
  }

  /** The definition text with the substitutions applied where a rule reads a literal. */
  private substitute = (text: string): string =>
    text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, key: string) => this.definitionSubstitutions[key] ?? placeholder);

  private warnAboutUnknownPlaceholders(): void {
    const unknown = new Set<string>();
    for (const [, key] of JSON.stringify(this.definition).matchAll(/\$\{([A-Za-z0-9_]+)\}/g)) {
      if (key !== undefined && this.definitionSubstitutions[key] === undefined) unknown.add(key);
    }
    for (const key of unknown) {
      Annotations.of(this).addWarningV2("@stepcraft/cdk:UNKNOWN_PLACEHOLDER", `the definition holds the placeholder \${${key}}, but no definition substitution is named ${key}.`);
    }
  }

  private createLogGroup(removalPolicy: RemovalPolicy | undefined): LogGroup {
    // Step Functions' recommended prefix keeps CloudWatch Logs' resource policy from growing per log group.
    return new LogGroup(this, "Logs", {
      logGroupName: `/aws/vendedlogs/states/${Names.uniqueResourceName(this, { maxLength: 450 })}`,
      retention: RetentionDays.ONE_MONTH,
      ...(removalPolicy === undefined ? {} : { removalPolicy }),
    });
  }

  private logOptions(destination: ILogGroup, options: WorkflowLoggingOptions | undefined) {
    return {
      destination,
      level: options?.level ?? (this.stateMachineType === StateMachineType.EXPRESS ? LogLevel.ALL : LogLevel.ERROR),
      includeExecutionData: options?.includeExecutionData ?? false,
    };
  }

  /** Adds what the final definition's tasks and Distributed Maps need to the role. */
  private grantTaskPermissions(): void {
    const needs = definitionPermissions(this.definition, {
      stack: Stack.of(this),
      stateMachineArn: this.stateMachineArn,
      substitute: this.substitute,
      warn: (pointer, message) => Annotations.of(this).addWarningV2("@stepcraft/cdk:IAM_NOT_DERIVED", `${pointer}: ${message}`),
    });
    for (const statement of toPolicyStatements(needs.filter((need) => need.onSelf !== true))) this.stateMachine.addToRolePolicy(statement);
    const onSelf = toPolicyStatements(needs.filter((need) => need.onSelf === true));
    // A separate policy: the machine does not depend on it, so it may name the machine's own ARN.
    if (onSelf.length > 0) new Policy(this, "SelfPolicy", { statements: onSelf }).attachToRole(this.role);
  }
}
