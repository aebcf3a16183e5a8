import type { RequestHandler } from "express";
import { ErrorCode } from "../errors/index.js";
import { refuse } from "./httpErrorBody.js";

/**
 * Bounds the GraphQL requests in flight. Past the bound a request is refused at once with
 * 503 and Retry-After, instead of queueing behind the others for seconds: a client that
 * retries later is better served than one that times out, and /health and /ready, which
 * are not behind this, keep answering.
 */
export function loadShedding(maxInFlight: number): RequestHandler & { inFlight(): number } {
  let inFlight = 0;
  const handler: RequestHandler = (_req, res, next) => {
    if (inFlight >= maxInFlight) {
      refuse(res, 503, ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; retry after the time in Retry-After", 1);
      return;
    }
    inFlight += 1;
    // "close" fires once whether the response finished or the client went away.
    res.once("close", () => {
      inFlight -= 1;
    });
    next();
  };
  return Object.assign(handler, { inFlight: () => inFlight });
}
