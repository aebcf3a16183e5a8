import { afterEach, describe, expect, it } from "vitest";
import { loadShedding } from "./loadShedding.js";
import { serveWith } from "./httpTestServer.js";

describe("load shedding", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("refuses requests past the in-flight bound with 503, Retry-After and a GraphQL-shaped error, and admits again after", async () => {
    const shedding = loadShedding(2);
    const held: (() => void)[] = [];
    const server = await serveWith([shedding], (_req, res) => {
      held.push(() => res.json({ data: { ok: true } }));
    });
    close = server.close;
    const post = () => fetch(server.url, { method: "POST" });

    const first = [post(), post()];
    await expect.poll(() => held.length).toBe(2);
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringMatching(/busy/), extensions: { code: "SERVICE_UNAVAILABLE" } }],
    });

    for (const release of held.splice(0)) release();
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    await expect.poll(() => shedding.inFlight()).toBe(0);
    const admitted = post();
    await expect.poll(() => held.length).toBe(1);
    held.pop()!();
    expect((await admitted).status).toBe(200);
  });

  it("frees the slot of a client that goes away before its answer", async () => {
    const shedding = loadShedding(1);
    const server = await serveWith([shedding], () => {});
    close = server.close;
    const abandoned = new AbortController();
    const request = fetch(server.url, { method: "POST", signal: abandoned.signal }).catch(() => null);
    await expect.poll(() => shedding.inFlight()).toBe(1);
    abandoned.abort();
    await request;
    await expect.poll(() => shedding.inFlight()).toBe(0);
  });
});
