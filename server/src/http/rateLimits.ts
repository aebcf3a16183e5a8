import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { Config } from "../config/index.js";
import { ErrorCode } from "../errors/index.js";
import { refuse } from "./httpErrorBody.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

/**
 * Rate limits on /graphql: one budget per client address and one per API token (a token
 * is the same client from any address). The token is hashed before it becomes a key, so no
 * secret is held in the limiter's memory. RATE_LIMIT_SKIP_LOOPBACK exempts 127.0.0.1 and
 * ::1, for load tests and test suites on the same machine.
 */
export function rateLimits(config: Config): RequestHandler[] {
  if (!config.RATE_LIMIT_ENABLED) return [];
  const exempt = (req: Request) => config.RATE_LIMIT_SKIP_LOOPBACK && LOOPBACK.has(req.socket.remoteAddress ?? "");
  const common = {
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    standardHeaders: "draft-8" as const,
    legacyHeaders: false,
    handler: (_req: Request, res: Parameters<RequestHandler>[1]) =>
      refuse(
        res,
        429,
        ErrorCode.RATE_LIMITED,
        "Too many requests; retry after the time in Retry-After",
        Math.ceil(config.RATE_LIMIT_WINDOW_MS / 1000),
      ),
  };
  const perAddress = rateLimit({ ...common, limit: config.RATE_LIMIT_PER_IP, skip: exempt, identifier: "per-address" });
  const perToken = rateLimit({
    ...common,
    limit: config.RATE_LIMIT_PER_TOKEN,
    identifier: "per-token",
    skip: (req) => exempt(req) || bearerToken(req) === undefined,
    keyGenerator: (req) => createHash("sha256").update(bearerToken(req)!).digest("hex"),
  });
  return [perAddress, perToken];
}
