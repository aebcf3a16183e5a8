import { describe, expect, it } from "vitest";
import { ApiError, toErrorEntries } from "./apiError.js";

describe("API errors", () => {
  it("keeps each error's message, code, path and input issues", () => {
    const entries = toErrorEntries([
      {
        message: "Invalid input: input.evidence[0].quote: must not be empty",
        path: ["proposeClaim"],
        extensions: {
          code: "BAD_USER_INPUT",
          existingClaimId: "claim:x",
          issues: [{ field: "input.evidence[0].quote", path: ["input", "evidence", 0, "quote"], message: "must not be empty" }],
        },
      },
      { message: "no code" },
    ]);
    expect(entries).toEqual([
      {
        message: "Invalid input: input.evidence[0].quote: must not be empty",
        code: "BAD_USER_INPUT",
        path: ["proposeClaim"],
        issues: [{ field: "input.evidence[0].quote", message: "must not be empty" }],
        extensions: { existingClaimId: "claim:x" },
      },
      { message: "no code", code: "UNKNOWN", path: [], issues: [], extensions: {} },
    ]);
    const error = new ApiError("ProposeClaim", entries);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("BAD_USER_INPUT: Invalid input");
  });
});
