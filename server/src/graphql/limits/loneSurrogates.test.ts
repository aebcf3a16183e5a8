import { describe, expect, it } from "vitest";
import { findLoneSurrogate } from "./loneSurrogates.js";

describe("findLoneSurrogate", () => {
  it("finds an unpaired high or low surrogate and gives its path", () => {
    expect(findLoneSurrogate({ input: { evidence: [{ quote: "ok" }, { quote: "a\ud800b" }] } })).toEqual(["input", "evidence", 1, "quote"]);
    expect(findLoneSurrogate({ text: "\udc00" })).toEqual(["text"]);
    expect(findLoneSurrogate({ ["k\ud800"]: 1 })).toEqual(["k\ud800"]);
  });

  it("accepts paired surrogates and other values", () => {
    expect(findLoneSurrogate({ text: "emoji \ud83d\ude00 ok", n: 3, none: null, list: ["é", "中"] })).toBeNull();
  });
});
