import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { rateLimits } from "./rateLimits.js";
import { serveWith } from "./httpTestServer.js";

async function serveLimited(env: Record<string, string>) {
  const config = loadConfig({ RATE_LIMIT_WINDOW_MS: "60000", ...env });
  return serveWith(rateLimits(config), (_req, res) => {
    res.json({ data: { ok: true } });
  });
}

const statuses = async (url: string, count: number, headers: Record<string, string> = {}) => {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await fetch(url, { method: "POST", headers })).status);
  return seen;
};

describe("rate limits", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("limits each address, answering 429 RATE_LIMITED with Retry-After", async () => {
    const server = await serveLimited({ RATE_LIMIT_PER_IP: "3", RATE_LIMIT_PER_TOKEN: "100" });
    close = server.close;
    expect(await statuses(server.url, 3)).toEqual([200, 200, 200]);
    const refused = await fetch(server.url, { method: "POST" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("RATE_LIMITED");
  });

  it("limits each token apart from the others", async () => {
    const server = await serveLimited({ RATE_LIMIT_PER_IP: "100", RATE_LIMIT_PER_TOKEN: "2" });
    close = server.close;
    const alice = { authorization: "Bearer alice-secret" };
    const bob = { authorization: "Bearer bob-secret" };
    expect(await statuses(server.url, 3, alice)).toEqual([200, 200, 429]);
    expect(await statuses(server.url, 2, bob)).toEqual([200, 200]);
    // Anonymous requests fall under the address limit only.
    expect(await statuses(server.url, 3)).toEqual([200, 200, 200]);
  });

  it("lets loopback through when asked, and can be turned off", async () => {
    const skipping = await serveLimited({ RATE_LIMIT_PER_IP: "1", RATE_LIMIT_SKIP_LOOPBACK: "true" });
    expect(await statuses(skipping.url, 3)).toEqual([200, 200, 200]);
    await skipping.close();
    const off = await serveLimited({ RATE_LIMIT_PER_IP: "1", RATE_LIMIT_ENABLED: "false" });
    close = off.close;
    expect(await statuses(off.url, 3)).toEqual([200, 200, 200]);
  });
});
