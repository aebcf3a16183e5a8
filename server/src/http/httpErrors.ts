import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { ErrorCode } from "../errors/index.js";

/** What a client is told about a request the HTTP layer refused, by the body parser's error type. */
const REFUSALS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  "entity.parse.failed": { status: 400, code: ErrorCode.BAD_REQUEST, message: "The request body is not valid JSON" },
  "entity.too.large": { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: "The request body is larger than the server accepts" },
  "entity.verify.failed": { status: 400, code: ErrorCode.BAD_REQUEST, message: "The request body could not be verified" },
  "charset.unsupported": {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: "Unsupported charset: send the body as UTF-8 JSON",
  },
  "encoding.unsupported": {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: "Unsupported content-encoding: send identity, gzip, deflate or br",
  },
  "request.size.invalid": { status: 400, code: ErrorCode.BAD_REQUEST, message: "The request body does not match its content-length" },
  "request.aborted": { status: 400, code: ErrorCode.BAD_REQUEST, message: "The request was aborted before its body was read" },
};

const BAD_BODY = { status: 400, code: ErrorCode.BAD_REQUEST, message: "The request body could not be read" };
const INTERNAL = { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: "Internal server error" };

/** The same shape as a GraphQL error response, so clients read every refusal one way. */
export function sendJsonError(res: Parameters<RequestHandler>[1], status: number, code: ErrorCode, message: string): void {
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * POST /graphql needs a JSON body; without this, a request of another content type reaches
 * the GraphQL layer with no body and is answered as a server fault.
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method === "POST" && req.body === undefined) {
    sendJsonError(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request as JSON: content-type: application/json");
    return;
  }
  next();
};

/**
 * The last error handler: every failure outside GraphQL (a body that is not JSON, too large,
 * in another charset, badly compressed) is answered as JSON with a public message, never
 * with Express's HTML page, a stack trace or a file path. Unexpected errors are logged.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    let refusal = typeof type === "string" ? REFUSALS[type] : undefined;
    if (!refusal) {
      // zlib failures (bad gzip) and other client errors carry a 4xx status without a known type.
      refusal = typeof status === "number" && status >= 400 && status < 500 ? BAD_BODY : INTERNAL;
    }
    if (refusal.status >= 500) logger.error({ err: error }, "unexpected HTTP error");
    sendJsonError(res, refusal.status, refusal.code, refusal.message);
  };
}
