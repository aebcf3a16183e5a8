import type { Response } from "express";
import type { ErrorCode } from "../errors/index.js";

/**
 * Refusals made before GraphQL runs (overload, rate limit) answer in the shape of a GraphQL
 * error response, so clients read `errors[0].extensions.code` whatever refused them.
 */
export function refuse(res: Response, status: number, code: ErrorCode, message: string, retryAfterSeconds: number): void {
  res.setHeader("Retry-After", String(retryAfterSeconds));
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
