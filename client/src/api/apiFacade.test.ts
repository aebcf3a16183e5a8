import { describe, expect, it } from "vitest";
import { createApi, type Transport } from "./apiFacade.js";
import { operations } from "./operations.js";
import { operationInfo } from "./typedDocument.js";

describe("API facade", () => {
  it("sends each method's own document with the caller's variables and options", async () => {
    const sent: { name: string; variables: unknown; options: unknown }[] = [];
    const transport: Transport = async (document, variables, options) => {
      sent.push({ name: operationInfo(document).name, variables, options });
      return { answeredBy: operationInfo(document).name } as never;
    };
    const api = createApi(transport);
    expect(Object.keys(api).sort()).toEqual(Object.keys(operations).sort());

    const signal = new AbortController().signal;
    await expect(api.searchEntities({ text: "ketamine", first: 5 }, { signal })).resolves.toEqual({ answeredBy: "SearchEntities" });
    await api.viewer({}, { token: "mg_candidate" });
    await api.proposeClaim({ input: { subject: "a", predicate: "ACTIVATES", object: "b", evidence: [] } });
    expect(sent).toEqual([
      { name: "SearchEntities", variables: { text: "ketamine", first: 5 }, options: { signal } },
      { name: "Viewer", variables: {}, options: { token: "mg_candidate" } },
      {
        name: "ProposeClaim",
        variables: { input: { subject: "a", predicate: "ACTIVATES", object: "b", evidence: [] } },
        options: undefined,
      },
    ]);
  });
});
