import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken, gql, startTestServer, testDatabase } from "../support/testEnvironment.js";

describe("viewer: checking a token before keeping it", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let curator: string;
  let reviewer: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: false });
    const db = testDatabase(server.config);
    try {
      curator = await createToken(db, "ada", "curator");
      reviewer = await createToken(db, "grace", "reviewer");
    } finally {
      await db.close();
    }
  });
  afterAll(async () => server?.stop());

  const viewer = "{ viewer { name role } }";

  it("is null for an anonymous request", async () => {
    expect(await gql(server.url, viewer)).toMatchObject({ data: { viewer: null } });
  });

  it("names the holder and role of a valid token", async () => {
    expect((await gql(server.url, viewer, {}, curator)).data).toEqual({ viewer: { name: "ada", role: "CURATOR" } });
    expect((await gql(server.url, viewer, {}, reviewer)).data).toEqual({ viewer: { name: "grace", role: "REVIEWER" } });
  });

  it("refuses an unknown token with UNAUTHENTICATED", async () => {
    const response = await gql(server.url, viewer, {}, "mg_not-a-real-token");
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
