import { describe, expect, expectTypeOf, test } from "vitest";
import { z } from "zod";
import { checkExecutionInput, formatIssuePath } from "./input-schema.ts";
import type { InputCheckOptions } from "./input-schema.ts";
import { TestSetupError } from "./setup.ts";
import { startTestExecution } from "./start-test-execution.ts";
import { testExecution } from "./test-execution.ts";
import type { TestExecutionOptions } from "./test-execution.ts";

const Order = z.object({
  orderId: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.number() })),
});

const asl = { StartAt: "Done", States: { Done: { Type: "Pass", End: true } } };

/** A workflow as the runtime sees it: `toAsl()` plus the schema (no @stepcraft/core import). */
const workflowWith = (inputSchema: unknown) => ({ name: "PlaceOrder", toAsl: () => asl, inputSchema });

const valid = { orderId: "o-1", items: [{ sku: "a", qty: 1 }] };
const invalid = { items: [{ sku: "a", qty: "2" }, { sku: 3, qty: 1 }] };

/** The message testExecution rejects with, or "" if it ran. */
async function setupError(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(TestSetupError);
    return (error as Error).message;
  }
}

describe("testExecution checks the input against the workflow's inputSchema", () => {
  test("a valid input runs", async () => {
    const run = await testExecution(workflowWith(Order), valid);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.output).toEqual(valid);
  });

  test("an invalid input fails before running, listing every issue with its path", async () => {
    const message = await setupError(testExecution(workflowWith(Order), invalid));
    expect(message).toContain('input schema of workflow "PlaceOrder" (3 issues)');
    expect(message).toMatch(/input\.orderId: Invalid input: expected string, received undefined/);
    expect(message).toMatch(/input\.items\[0\]\.qty: Invalid input: expected number, received string/);
    expect(message).toMatch(/input\.items\[1\]\.sku: Invalid input: expected string, received number/);
    expect(message).toContain("checkInput: false");
  });

  test("nothing runs when the input is refused: no task is called", async () => {
    let calls = 0;
    const withTask = {
      name: "Calls",
      inputSchema: Order,
      toAsl: () => ({ StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:t", End: true } } }),
    };
    const tasks = { "arn:aws:lambda:us-east-1:123456789012:function:t": () => ++calls };
    await expect(testExecution(withTask, invalid, { tasks })).rejects.toThrow(TestSetupError);
    expect(calls).toBe(0);
  });

  test("a missing input is checked as {} (what the execution starts with)", async () => {
    const message = await setupError(testExecution(workflowWith(Order), undefined));
    expect(message).toContain("input.orderId:");
    expect(message).toContain("input.items:");
  });

  test("the input is checked as the JSON the execution sees (a Date is a string)", async () => {
    const stamped = workflowWith(z.object({ at: z.string() }));
    const run = await testExecution(stamped, { at: new Date("2025-01-01T00:00:00Z") });
    expect(run.status).toBe("SUCCEEDED");
  });

  test("async validators are awaited", async () => {
    const known = new Set(["o-1"]);
    const Async = Order.refine(async (o) => known.has(o.orderId), { message: "unknown order", path: ["orderId"] });
    expect((await testExecution(workflowWith(Async), valid)).status).toBe("SUCCEEDED");
    const message = await setupError(testExecution(workflowWith(Async), { ...valid, orderId: "o-2" }));
    expect(message).toContain("input.orderId: unknown order");
  });

  test("checkInput: false runs an invalid input anyway", async () => {
    const run = await testExecution(workflowWith(Order), invalid, { checkInput: false });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.output).toEqual(invalid);
  });

  test("plain ASL and workflows without a schema run unchecked", async () => {
    expect((await testExecution(asl, invalid)).status).toBe("SUCCEEDED");
    expect((await testExecution({ toAsl: () => asl }, invalid)).status).toBe("SUCCEEDED");
    // A definition's own fields are never read as options, even one called inputSchema.
    await expect(checkExecutionInput({ ...asl, inputSchema: 1 }, invalid)).resolves.toBeUndefined();
  });

  test("any Standard Schema, not only zod: issues with PathSegment objects and odd keys", async () => {
    const custom = {
      "~standard": {
        version: 1,
        vendor: "hand-made",
        validate: () => ({ issues: [{ message: "bad key", path: [{ key: "a b" }, 0, { key: "c" }] }, { message: "at the root" }] }),
      },
    };
    const message = await setupError(testExecution(workflowWith(custom), valid));
    expect(message).toContain('  input["a b"][0].c: bad key\n  input: at the root\n');
  });

  test("refuses an inputSchema that is not a Standard Schema, and a validate() that breaks the protocol", async () => {
    expect(await setupError(testExecution(workflowWith({ parse: () => 1 }), valid))).toContain("is not a Standard Schema");
    const broken = { "~standard": { version: 1, vendor: "x", validate: () => 42 } };
    expect(await setupError(testExecution(workflowWith(broken), valid))).toContain("validate() returned number");
    const notArray = { "~standard": { version: 1, vendor: "x", validate: () => ({ issues: "no" }) } };
    expect(await setupError(testExecution(workflowWith(notArray), valid))).toContain("issues that are not an array");
  });

  test("the option is typed", () => {
    expectTypeOf<TestExecutionOptions>().toExtend<InputCheckOptions>();
    expectTypeOf<InputCheckOptions["checkInput"]>().toEqualTypeOf<boolean | undefined>();
  });
});

describe("startTestExecution checks the input", () => {
  test("synchronously: an invalid input throws before an execution exists", () => {
    expect(() => startTestExecution(workflowWith(Order), invalid)).toThrow(/input\.items\[0\]\.qty: Invalid input: expected number, received string/);
  });

  test("a valid input starts, and checkInput: false skips the check", async () => {
    expect((await startTestExecution(workflowWith(Order), valid).result()).status).toBe("SUCCEEDED");
    expect((await startTestExecution(workflowWith(Order), invalid, { checkInput: false }).result()).status).toBe("SUCCEEDED");
  });

  test("an async schema is refused with what to do instead; checkExecutionInput awaits it", async () => {
    const Async = Order.refine(async () => false, { message: "never" });
    expect(() => startTestExecution(workflowWith(Async), valid)).toThrow(/validates asynchronously.*checkExecutionInput/);
    await expect(checkExecutionInput(workflowWith(Async), valid)).rejects.toThrow("input: never");
    const run = startTestExecution(workflowWith(Async), valid, { checkInput: false });
    expect((await run.result()).status).toBe("SUCCEEDED");
  });
});

describe("checkExecutionInput", () => {
  test("resolves for a valid input and for plain ASL", async () => {
    await expect(checkExecutionInput(workflowWith(Order), valid)).resolves.toBeUndefined();
    await expect(checkExecutionInput(asl, invalid)).resolves.toBeUndefined();
  });
});

describe("formatIssuePath", () => {
  test("writes indexes, identifiers, quoted keys and symbols the way code reads them", () => {
    expect(formatIssuePath("input", undefined)).toBe("input");
    expect(formatIssuePath("input", ["items", 0, "qty"])).toBe("input.items[0].qty");
    expect(formatIssuePath("input", [{ key: "x-y" }, { key: 2 }])).toBe('input["x-y"][2]');
    expect(formatIssuePath("input", [Symbol("s"), "$ok", "1a"])).toBe('input[Symbol(s)].$ok["1a"]');
  });
});
