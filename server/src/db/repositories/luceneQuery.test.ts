import { describe, expect, it } from "vitest";
import { luceneQuery } from "./luceneQuery.js";

describe("luceneQuery", () => {
  it("reads the operator words as plain terms", () => {
    expect(luceneQuery("a OR b")).toBe("+(a) +(or) +(b b*)");
    expect(luceneQuery("NOT ketamine")).toBe("+(not) +(ketamine ketamine* ketamine~1)");
    expect(luceneQuery("AND")).toBe("+(and and*)");
  });

  it("escapes special characters and drops text without words", () => {
    expect(luceneQuery("(x) && b")).toBe("+(\\(x\\) \\(x\\)~1) +(\\&\\&) +(b b*)");
    expect(luceneQuery("   ")).toBe("");
  });
});
