import express, { type Router } from "express";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createHash } from "node:crypto";
import { securityHeaders } from "./securityHeaders.js";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Example operations for the three jobs researchers do with mechgraph, opened as tabs. */
export const EXAMPLE_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Explore: the pathway from ketamine to synaptogenesis through AMPA receptors,
# with the evidence behind each step.
query Pathway {
  paths(from: "CHEBI:6121", to: "GO:0007416", through: "GO:0032281", maxHops: 10, first: 3) {
    score
    entities { id name kind }
    claims {
      predicate strength
      strengthBreakdown { summary }
      evidence { stance quote study { citation pmid doi } }
    }
  }
}`,
  },
  {
    query: `# Query: all claims about mTOR with human evidence; contested findings;
# what is active 24 h after a dose.
query Questions {
  mTOR: neighborhood(ids: ["HGNC:3942"], filter: { species: ["human"] }) {
    claims { subject { name } predicate object { name } strength }
  }
  contested: contradictions(first: 5) {
    subject { name } predicate object { name } contestedness
    evidence { stance study { citation } }
  }
  at24h: activeAt(hours: 24, first: 20) {
    subject { name } predicate object { name } context { onsetHours peakHours endHours }
  }
}`,
  },
  {
    query: `# Compare: two of the review's explanations side by side, and where they differ.
query Compare {
  compareHypotheses(ids: ["hypothesis:nmdar-disinhibition", "hypothesis:anti-inflammatory"]) {
    sharedClaims { claim { subject { name } predicate object { name } } hypotheses }
    columns {
      hypothesis { name status profile { studies humanShare designs { design studies } } }
      weakestLinks { subject { name } predicate object { name } strength }
    }
    differences { kind summary sides { hypothesis { id } effect studiesByDesign { design studies } } }
  }
}`,
  },
  {
    query: `# Curate: propose a claim with its evidence (needs a curator token:
# add the header {"Authorization": "Bearer <token>"} below).
mutation Propose($input: ProposeClaimInput!) {
  proposeClaim(input: $input) { id status version strength }
}`,
    variables: JSON.stringify(
      {
        input: {
          subject: "CHEBI:6121",
          predicate: "INCREASES",
          object: "HGNC:1033",
          context: { species: ["rat"], onsetHours: 0.5 },
          evidence: [{ studyId: "study:li-2010", stance: "SUPPORTS", quote: "the exact sentence from the source" }],
        },
      },
      null,
      2,
    ),
  },
];

/** The one inline script of the page; the CSP allows it by its hash. */
const bootScript = (tabs: typeof EXAMPLE_TABS) => `
    const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: ${JSON.stringify(tabs).replace(/</g, "\\u003c")}, defaultEditorToolsVisibility: true })
    );
  `;

/**
 * Where "back to the app" leads: the app view the user came from (the client passes its own
 * path and query as `back`), or the app's start. Only a path on this origin is taken.
 */
export function backLink(back: unknown): string {
  if (typeof back !== "string" || !/^\/(?![/\\])/.test(back)) return "/";
  return [...back].some((ch) => ch.charCodeAt(0) < 0x20) ? "/" : back;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const page = (script: string, back: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>mechgraph GraphiQL</title>
  <link rel="stylesheet" href="/graphiql-assets/graphiql.min.css">
  <style>
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; }
    .mg-bar { display: flex; gap: 12px; align-items: center; padding: 6px 12px; font: 14px system-ui, sans-serif; border-bottom: 1px solid #dde1e6; }
    .mg-bar a { color: #1d4ed8; text-decoration: none; font-weight: 600; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <nav class="mg-bar"><a href="${escapeAttribute(back)}" data-testid="back-to-app">← Back to mechgraph</a><span>GraphiQL: query the same graph the app draws</span></nav>
  <div id="graphiql">Loading GraphiQL...</div>
  <script src="/graphiql-assets/react.production.min.js"></script>
  <script src="/graphiql-assets/react-dom.production.min.js"></script>
  <script src="/graphiql-assets/graphiql.min.js"></script>
  <script>${script}</script>
</body>
</html>`;

/**
 * GraphiQL at GET /graphql for browsers, bundled from npm (React 18 and GraphiQL's UMD
 * builds are served from node_modules), so it works without network access.
 */
export function graphiqlRouter(): Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    "graphiql.min.css": join(packageDir("graphiql"), "graphiql.min.css"),
    "graphiql.min.js": join(packageDir("graphiql"), "graphiql.min.js"),
    "react.production.min.js": join(packageDir("react"), "umd/react.production.min.js"),
    "react-dom.production.min.js": join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
  };
  router.get("/graphiql-assets/:file", (req, res) => {
    const path = assets[req.params.file];
    if (!path) {
      res.status(404).end();
      return;
    }
    res.sendFile(path, { maxAge: "1d" });
  });
  const script = bootScript(EXAMPLE_TABS);
  const pageHeaders = securityHeaders([`'sha256-${createHash("sha256").update(script).digest("base64")}'`]);
  router.get("/graphql", (req, res, next) => {
    if (req.query.query !== undefined || !req.accepts("html")) return next();
    pageHeaders(req, res, () => res.type("html").send(page(script, backLink(req.query.back))));
  });
  return router;
}
