import { describe, expect, it } from "vitest";
import { registryUrl } from "./registryLinks.js";

describe("registry links", () => {
  it.each([
    ["CHEBI:6121", "https://purl.obolibrary.org/obo/CHEBI_6121"],
    ["GO:0007416", "https://purl.obolibrary.org/obo/GO_0007416"],
    ["UBERON:0000955", "https://purl.obolibrary.org/obo/UBERON_0000955"],
    ["MONDO:0002009", "https://purl.obolibrary.org/obo/MONDO_0002009"],
    ["HGNC:3942", "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:3942"],
  ])("links %s to its registry", (curie, url) => {
    expect(registryUrl(curie)).toBe(url);
  });

  it("gives no link for project-local, unknown or malformed ids", () => {
    expect(registryUrl("mg:glutamate-surge")).toBeNull();
    expect(registryUrl("FOO:1")).toBeNull();
    expect(registryUrl("not a curie")).toBeNull();
  });
});
