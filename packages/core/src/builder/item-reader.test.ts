// ItemReader specs: the item type comes from `itemSchema` (it survives `satisfies` and inline object
// literals, unlike the phantom), and `arguments`/`maxItems` take `$` selectors over the Map state's
// input. The root `npm test` type-checks this file, so every `@ts-expect-error` must still catch an error.
import { describe, expect, expectTypeOf, it } from "vitest";
import { jsonata, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, ItemReaderSpec, QueryLanguage } from "../index.ts";

interface Row {
  readonly id: string;
  readonly amount: number;
}
interface Input {
  readonly bucket: string;
  readonly key: string;
  readonly limit: number;
}

const csv = {
  resource: "arn:aws:states:::s3:getObject",
  itemSchema: typeOnly<Row>(),
  readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW", maxItems: ($) => $.input.limit },
  arguments: ($) => ({ Bucket: $.input.bucket, Key: $.input.key }),
} satisfies ItemReaderSpec<Row, Input>;

const flowIn = (queryLanguage: QueryLanguage) => workflow("Reader", { input: typeOnly<Input>(), queryLanguage });

describe("ItemReader specs", () => {
  it("a spec declared with `satisfies` types the items through its itemSchema", () => {
    const flow = flowIn("JSONata");
    const loaded = flow.map("Load", { itemReader: csv, processor: (item) => item.pass("Each") });
    expectTypeOf<ChainOutput<typeof loaded>>().toEqualTypeOf<Row[]>();
    const picked = flow.map("Pick", { itemReader: csv, processor: (item) => item.pass("Each", { output: ($) => ({ id: $.input.id, cents: $.input.amount }) }) });
    expectTypeOf<ChainOutput<typeof picked>>().toEqualTypeOf<{ id: string; cents: number }[]>();
    // @ts-expect-error - a Row has no `price`
    flow.map("Bad", { itemReader: csv, processor: (item) => item.pass("Each", { output: ($) => $.input.price }) });
  });

  it("inline specs infer the item from itemSchema, and an annotated spec still works without a selector", () => {
    const flow = flowIn("JSONata");
    flow.map("Inline", {
      itemReader: { resource: "arn:aws:states:::s3:getObject", itemSchema: typeOnly<Row>(), arguments: ($) => ({ Bucket: $.input.bucket, Key: "rows.csv" }) },
      processor: (item) => item.pass("Each", { output: ($) => $.input.amount }),
    });
    const annotated: ItemReaderSpec<Row> = { resource: "arn:aws:states:::s3:getObject", arguments: { Bucket: "b", Key: jsonata<string>("$states.input.key") } };
    flow.map("Annotated", { itemReader: annotated, processor: (item) => item.pass("Each", { output: ($) => $.input.id }) });
    // @ts-expect-error - the item is a Row: no `sku`
    flow.map("Inline", { itemReader: { resource: "arn:aws:states:::s3:getObject", itemSchema: typeOnly<Row>() }, processor: (item) => item.pass("Each", { output: ($) => $.input.sku }) });
  });

  it("selectors are checked against the Map's input", () => {
    const flow = flowIn("JSONata");
    flow.map("Bad", {
      // @ts-expect-error - the input has no `path`
      itemReader: { resource: "arn:aws:states:::s3:getObject", itemSchema: typeOnly<Row>(), arguments: ($) => ({ Bucket: $.input.bucket, Key: $.input.path }) },
      processor: (item) => item.pass("Each"),
    });
    flow.map("Bad", {
      // @ts-expect-error - maxItems must be a number
      itemReader: { resource: "arn:aws:states:::s3:getObject", itemSchema: typeOnly<Row>(), readerConfig: { maxItems: ($) => $.input.key } },
      processor: (item) => item.pass("Each"),
    });
    // @ts-expect-error - a spec declared without the input type takes no selector: `$` would not be typed
    const untypedSelector: ItemReaderSpec<Row> = { resource: "arn:aws:states:::s3:getObject", arguments: ($) => ({ Key: $.input.key }) };
    expect(untypedSelector.resource).toBe("arn:aws:states:::s3:getObject");
    // @ts-expect-error - the spec is for another input type
    flow.map("Other", { itemReader: {} as ItemReaderSpec<Row, { readonly other: boolean }>, processor: (item) => item.pass("Each") });
  });

  it("golden: selectors compile to JSONata expressions and to JSONPath `.$` fields", () => {
    const build = (language: QueryLanguage) => {
      const flow = flowIn(language);
      return flow.startWith(flow.map("Load", { itemReader: csv, processor: (item) => item.pass("Each") })).toAsl().States["Load"];
    };
    expect(build("JSONata")).toMatchObject({
      ItemReader: {
        Resource: "arn:aws:states:::s3:getObject",
        ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW", MaxItems: "{% $states.input.limit %}" },
        Arguments: { Bucket: "{% $states.input.bucket %}", Key: "{% $states.input.key %}" },
      },
    });
    expect(build("JSONPath")).toMatchObject({
      ItemReader: {
        Resource: "arn:aws:states:::s3:getObject",
        ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW", MaxItemsPath: "$.limit" },
        Parameters: { "Bucket.$": "$.bucket", "Key.$": "$.key" },
      },
    });
    // The item schema is a type, never ASL.
    expect(JSON.stringify(build("JSONata"))).not.toContain("itemSchema");
  });
});
