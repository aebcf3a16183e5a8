// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setToken } from "./authToken.js";
import { request } from "./graphqlClient.js";
import { operations as ops } from "./operations.js";

/** The Authorization header of every request the client sent, in order (null: none). */
function recordRequests(answer: (authorization: string | null) => unknown) {
  const sent: (string | null)[] = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    const authorization = (init.headers as Record<string, string>)["authorization"] ?? null;
    sent.push(authorization);
    return new Response(JSON.stringify(answer(authorization)), { status: 200, headers: { "content-type": "application/json" } });
  });
  return sent;
}

describe("which requests carry the token", () => {
  beforeEach(() => setToken("mg_stored"));
  afterEach(() => {
    setToken(null);
    vi.unstubAllGlobals();
  });

  it("sends reads without the stored token, so a wrong token cannot break browsing", async () => {
    const sent = recordRequests(() => ({ data: { stats: { entities: 1, studies: 1, claims: 1, evidence: 1 } } }));
    await request(ops.stats, {});
    expect(sent).toEqual([null]);
  });

  it("sends mutations with the stored token", async () => {
    const sent = recordRequests(() => ({ data: { reviewClaim: null } }));
    await request(ops.reviewClaim, { id: "c", expectedVersion: 1, decision: "ACCEPT", note: null }).catch(() => undefined);
    expect(sent).toEqual(["Bearer mg_stored"]);
  });

  it("retries a read once with the token when the server requires one for reads", async () => {
    const sent = recordRequests((authorization) =>
      authorization === null
        ? { errors: [{ message: "token required", extensions: { code: "UNAUTHENTICATED" } }] }
        : { data: { stats: { entities: 1, studies: 1, claims: 1, evidence: 1 } } },
    );
    await expect(request(ops.stats, {})).resolves.toMatchObject({ stats: { entities: 1 } });
    expect(sent).toEqual([null, "Bearer mg_stored"]);
  });

  it("checks a candidate token with the token it is given", async () => {
    const sent = recordRequests(() => ({ data: { viewer: { name: "ada", role: "CURATOR" } } }));
    await expect(request(ops.viewer, {}, { token: "mg_candidate" })).resolves.toEqual({ viewer: { name: "ada", role: "CURATOR" } });
    expect(sent).toEqual(["Bearer mg_candidate"]);
  });
});
