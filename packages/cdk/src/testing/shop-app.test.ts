// Proof on plain CDK code: the shop app (Chain, Choice, Map, Parallel, LambdaInvoke of
// NodejsFunctions, DynamoPutItem, SqsSendMessage waitForTaskToken, StepFunctionsStartExecution,
// DefinitionBody.fromFile with substitutions) runs locally from its synthesized template.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { CallbackRegistry } from "@stepcraft/runtime";
import { startTestExecution, testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { shopApp } from "./fixtures/shop-app.ts";
import { CdkTestingError, fromStack, fromTemplate } from "./index.ts";

// One synthesis (with esbuild bundling of the three NodejsFunctions) for the whole file:
// Template.fromStack and fromStack share the app's one cloud assembly.
const { stack } = shopApp();
const template = Template.fromStack(stack);
const checkout = fromStack(stack, { stateMachine: "Checkout" });
const orders = checkout.constructAt("Shop/Orders");
const order = { orderId: "o-1", lines: [{ sku: "apple", quantity: 3 }, { sku: "pear", quantity: 1 }] };
const priced = [{ sku: "apple", total: 6 }, { sku: "pear", total: 3 }];
const ignoreWrite = () => ({});

describe("a plain-CDK state machine from its synthesized template", () => {
  it("runs every state: bundled handlers in-process, a table bound by construct, a callback, a nested machine", async () => {
    const written: unknown[] = [];
    const run = startTestExecution(checkout, order, { tasks: { "Shop/Orders": (request) => (written.push(request), {}) } });
    await run.waitForState("AwaitShipping");
    expect(run.pendingCallbacks().map((c) => c.stateName)).toEqual(["AwaitShipping"]);
    await run.sendTaskSuccess("AwaitShipping", { trackingId: "t-1" });
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["HasLines?", "PriceLines", "ChargeAndRecord", "AwaitShipping", "NotifyCustomer", "Done"]);
    expect(result.output).toEqual({
      ...order,
      priced,
      done: [{ chargeId: "ch-o-1", amount: 6 }, { ...order, priced }],
      shipment: { trackingId: "t-1" },
      notification: { notified: "o-1" },
    });
    // DynamoPutItem got the table's placeholder name where CloudFormation would put the real one.
    expect(written).toEqual([{ TableName: orders.ref, Item: { orderId: { S: "o-1" } } }]);
  });

  it("runs the handler's thrown errors through Catch like AWS (Lambda error names)", async () => {
    const big = { orderId: "o-2", lines: [{ sku: "pear", quantity: 50 }] };
    const run = await testExecution(checkout, big, { tasks: { "Shop/Orders": ignoreWrite } });
    expect(run).toHaveFailedWith("CardDeclined", "the card was declined");
    expect(run.states["Charge"]?.visits[0]?.error).toBe("CardDeclined");
  });

  it("binds by state name, and mocks still win", async () => {
    const run = startTestExecution(checkout, { orderId: "o-3", lines: [{ sku: "kiwi", quantity: 1 }] }, {
      tasks: { PriceLine: () => ({ sku: "kiwi", total: 1 }), RecordOrder: ignoreWrite },
      mocks: { Charge: { result: { chargeId: "mocked" } }, NotifyCustomer: { taskResult: { Output: { notified: "mocked" } } } },
    });
    await run.waitForState("AwaitShipping");
    await run.sendTaskSuccess("AwaitShipping", {});
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result).toHaveStateOutputMatching("ChargeAndRecord", { done: [{ chargeId: "mocked" }, { orderId: "o-3" }] });
    expect(result).toHaveStateOutputMatching("NotifyCustomer", { notification: { notified: "mocked" } });
  });

  it("fails an unbound task naming its construct and how to bind it", async () => {
    const run = await testExecution(checkout, order);
    expect(run).toHaveFailedWith("States.Runtime", /It names Shop\/Orders \(OrdersA9B65338\): bind it with tasks: \{ 'Shop\/Orders': handler \}/);
    expect(run.unbound.map((u) => u.state)).toEqual(["RecordOrder"]);
  });

  it("fails an unloaded function naming its construct", async () => {
    const quiet = fromStack(stack, { stateMachine: "Checkout", runHandlers: false });
    const run = await testExecution(quiet, order, { tasks: { "Shop/Orders": ignoreWrite } });
    expect(run).toHaveFailedWith("Lambda.ResourceNotFoundException", /The function Shop\/PriceFn \(PriceFn3AA02D07\) called by state 'PriceLine' is not run \(runHandlers: false\)\. Bind it: tasks: \{ 'Shop\/PriceFn': handler \}/);
  });

  it("resolves every token to a stable, AWS-shaped placeholder and maps it back to its construct", () => {
    const asl = JSON.stringify(checkout.toAsl());
    expect(asl).not.toMatch(/Fn::|"Ref"|\$\{Token/);
    const charge = checkout.constructAt("Shop/ChargeFn");
    expect(charge.arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:Shop-ChargeFn7B79AE09-[0-9A-F]{12}$/);
    expect(asl).toContain(`"FunctionName":"${charge.arn}"`);
    expect(checkout.constructOf(charge.arn!)).toMatchObject({ path: "Shop/ChargeFn", type: "AWS::Lambda::Function" });
    expect(checkout.constructOf(checkout.constructAt("ShippingQueue").ref)?.path).toBe("Shop/ShippingQueue");
    expect(checkout.constructAt("ShippingQueue").ref).toMatch(/^https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/Shop-ShippingQueue/);
    expect(checkout.stateMachineArn).toBe(checkout.constructAt("Shop/Checkout").arn);
    // The same stack gives the same placeholders every time.
    expect(fromStack(stack, { stateMachine: "Shop/Checkout" }).toAsl()).toEqual(checkout.toAsl());
  });

  it("runs the fromFile machine on its own, its substitution resolved", async () => {
    const notify = fromStack(stack, { stateMachine: "Notify" });
    const run = await testExecution(notify, { orderId: "o-9" });
    expect(run.output).toEqual({ notified: "o-9" });
    expect(JSON.stringify(notify.toAsl())).toContain(checkout.constructAt("NotifyFn").arn);
  });

  it("reads a bare Template too; without the assembly, assets are named as the gap", async () => {
    const bare = fromTemplate(template, { stackName: "Shop", stateMachine: "CheckoutB7CD3E82" });
    const run = await testExecution(bare, order, { tasks: { OrdersA9B65338: ignoreWrite } });
    expect(run).toHaveFailedWith("Lambda.ResourceNotFoundException", /PriceFn3AA02D07 called by state 'PriceLine' is an asset, and a bare template does not carry assets \(use fromStack or fromCdkOut\)/);
    // The child it starts is not in the bare template: only running it would fail.
    expect(() => fromTemplate(template, { stateMachine: "Notify29C25B1B" })).toThrow(/DefinitionBody\.fromFile\): a bare template does not carry the file; use fromStack\(stack\) or fromCdkOut\(dir\)/);
  });

  it("refuses what it cannot run with what to do instead", () => {
    expect(() => fromStack(stack)).toThrow(new CdkTestingError("The stack has 2 AWS::StepFunctions::StateMachine resources (Shop/Notify (Notify29C25B1B), Shop/Checkout (CheckoutB7CD3E82)): name one with { stateMachine: '<construct path or id>' }."));
    expect(() => fromStack(stack, { stateMachine: "Chekout" })).toThrow("stateMachine 'Chekout' names no state machine of the stack. Its state machines: Shop/Notify (Notify29C25B1B), Shop/Checkout (CheckoutB7CD3E82).");
    expect(() => checkout.bindTasks({ "Shop/Ordres": ignoreWrite }, { callbacks: new CallbackRegistry() })).toThrow(/tasks names 'Shop\/Ordres': no construct, Task state or ARN of Shop\/Checkout \(CheckoutB7CD3E82\)\. Its Task states: .*'RecordOrder'.*The constructs they call: .*'Shop\/Orders'/);
    expect(() => checkout.constructAt("Nope")).toThrow(/No construct 'Nope' in the stack\. Its resources: .*Shop\/Orders/);
  });
});
