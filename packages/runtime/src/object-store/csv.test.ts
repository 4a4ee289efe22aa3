import { describe, expect, test } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv.ts";

describe("parseCsv", () => {
  test("quoted fields hold delimiters, quotes and newlines; CRLF and LF end rows", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",\n', ",")).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\nline", ""],
    ]);
  });

  test("other delimiters, a BOM, blank lines and no final newline", () => {
    expect(parseCsv("\uFEFFa|b\n\n1|2", "|")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a\tb", "\t")).toEqual([["a", "b"]]);
  });

  test("an empty quoted field is a row", () => {
    expect(parseCsv('""\n', ",")).toEqual([[""]]);
  });

  test.each([
    ['"open', "A quoted field is not closed (line 1)"],
    ['a,"b"c', "Unexpected character after a closing quote (line 1)"],
    ['a\nb"c', "A quote inside an unquoted field (line 2)"],
  ])("bad CSV %j", (text, message) => {
    expect(() => parseCsv(text, ",")).toThrow(new CsvSyntaxError(message.replace(/ \(line \d\)$/, ""), Number(/line (\d)/.exec(message)![1])));
    expect(() => parseCsv(text, ",")).toThrow(message);
  });
});
