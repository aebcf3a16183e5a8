import { Router } from "express";
import type { Config } from "../config/index.js";
import type { Database } from "../db/index.js";
import { InteropRepository } from "../db/repositories/interopRepository.js";
import { ErrorCode, UnauthenticatedError } from "../errors/index.js";
import { createRequestContext } from "../graphql/requestContext.js";
import { EXPORT_FORMATS, exportFiles, type ExportFormat } from "../interop/index.js";
import { kgxFileNames } from "../interop/kgxWrite.js";
import { sendJsonError } from "./httpErrors.js";
import { rateLimits } from "./rateLimits.js";

/** Most entities, studies and claims one download holds; a larger graph is cut and says so in X-Export-Truncated. */
export const EXPORT_CAP = 20_000;

/** File name -> the format that writes it, so `/export/<file name>` downloads one file of an export. */
function fileFormats(): Map<string, ExportFormat> {
  const out = new Map<string, ExportFormat>();
  for (const format of EXPORT_FORMATS) {
    if (format === "kgx-tsv" || format === "kgx-jsonl") for (const name of Object.values(kgxFileNames(format))) out.set(name, format);
    else out.set(format === "cx2" ? "mechgraph.cx2" : "mechgraph.cyjs", format);
  }
  return out;
}

/**
 * GET /export lists the downloads; GET /export/<file> answers one file: the KGX node and edge
 * files (TSV, JSON Lines), CX2 and Cytoscape JSON, the same files `npm run export` writes.
 * Reads like /graphql: rate-limited, and behind a token when READS_REQUIRE_AUTH is set.
 */
export function exportRouter(config: Config, db: Database): Router {
  const router = Router();
  const files = fileFormats();
  router.use(...rateLimits(config), async (req, res, next) => {
    try {
      await createRequestContext(config, db, req.headers.authorization);
      next();
    } catch (error) {
      if (error instanceof UnauthenticatedError) sendJsonError(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      else next(error);
    }
  });
  router.get("/", (_req, res) => {
    res.json({ files: [...files.entries()].map(([name, format]) => ({ name, format, url: `/export/${name}` })) });
  });
  router.get("/:file", async (req, res, next) => {
    const format = files.get(req.params.file);
    if (!format) {
      sendJsonError(res, 404, ErrorCode.NOT_FOUND, `No export named ${req.params.file}; GET /export lists them`);
      return;
    }
    try {
      const snapshot = await new InteropRepository(db).snapshot(EXPORT_CAP);
      const file = exportFiles(snapshot, format).find((f) => f.name === req.params.file)!;
      res
        .status(200)
        .type(file.contentType)
        .setHeader("content-disposition", `attachment; filename="${file.name}"`)
        .setHeader("x-export-truncated", String(snapshot.truncated))
        .send(file.content);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
