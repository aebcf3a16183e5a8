import helmet from "helmet";
import type { RequestHandler } from "express";

/** Directives every page gets: everything from this origin only, never framed. */
const BASE_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The client and GraphiQL set element styles (bar widths, slider marks, editor layout).
  styleSrc: ["'self'", "'unsafe-inline'"],
  // blob: the PNG export rasterises the view's SVG through an object URL.
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // The API is served over plain HTTP on a laptop or behind a TLS-terminating proxy.
  upgradeInsecureRequests: null,
};

/**
 * Security headers on every response (helmet): a Content-Security-Policy that allows only
 * this origin's scripts, frame-ancestors 'none', nosniff, no referrer across origins.
 * `extraScripts` adds sources (hashes of known inline scripts) for one page.
 */
export function securityHeaders(extraScripts: string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...BASE_DIRECTIVES, scriptSrc: [...BASE_DIRECTIVES.scriptSrc, ...extraScripts] },
    },
    // GraphiQL and the client load nothing cross-origin; COEP would only block future links.
    crossOriginEmbedderPolicy: false,
  });
}
