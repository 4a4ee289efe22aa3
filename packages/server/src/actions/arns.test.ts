import { describe, expect, it } from "vitest";
import { AwsError } from "../protocol/aws-error.ts";
import { checkName, machineRef, parseArn } from "./arns.ts";
import { decodeToken, page } from "./paging.ts";

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof AwsError ? e.code : "not an AwsError";
  }
  return "no error";
}

describe("ARNs and names", () => {
  it("parses state machine, version, alias and test-case ARNs", () => {
    const base = "arn:aws:states:eu-west-1:123456789012:stateMachine:Orders";
    expect(machineRef(base)).toEqual({ machineArn: base, version: undefined, alias: undefined, testCase: undefined });
    expect(machineRef(`${base}:3`).version).toBe(3);
    expect(machineRef(`${base}:prod`).alias).toBe("prod");
    expect(machineRef(`${base}#HappyPath`, true).testCase).toBe("HappyPath");
    expect(codeOf(() => machineRef(`${base}#HappyPath`))).toBe("InvalidArn");
  });

  it("answers InvalidArn for malformed ARNs and ones of the wrong kind", () => {
    for (const bad of ["", "arn", "arn:aws:states:us-east-1:123:stateMachine:X", "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:states:us-east-1:123456789012:stateMachine:"]) {
      expect(codeOf(() => parseArn(bad, ["stateMachine"]))).toBe("InvalidArn");
    }
    expect(codeOf(() => parseArn("arn:aws:states:us-east-1:123456789012:activity:A", ["execution"]))).toBe("InvalidArn");
  });

  it("answers InvalidName for names AWS refuses", () => {
    for (const bad of ["", "a b", "a:b", "x".repeat(81), "tab\t", "star*"]) expect(codeOf(() => checkName(bad, "execution"))).toBe("InvalidName");
    expect(codeOf(() => checkName("order-1_ok.v2", "execution"))).toBe("no error");
  });
});

describe("paging", () => {
  it("pages with opaque tokens bound to their listing", () => {
    const items = Array.from({ length: 5 }, (_, i) => i);
    const first = page(items, "A", 2, undefined);
    expect(first.items).toEqual([0, 1]);
    const second = page(items, "A", 2, first.nextToken);
    expect(second.items).toEqual([2, 3]);
    expect(page(items, "A", 2, second.nextToken)).toEqual({ items: [4], nextToken: undefined });
    expect(page(items, "A", 0, undefined).items).toHaveLength(5);
    expect(codeOf(() => decodeToken(first.nextToken!, "B"))).toBe("InvalidToken");
    expect(codeOf(() => decodeToken("garbage!", "A"))).toBe("InvalidToken");
  });
});
