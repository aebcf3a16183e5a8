import { ApiError } from "../api/index.js";
import { h } from "./dom.js";

/** What a user can do about an error code. */
const HINTS: Record<string, string> = {
  UNAUTHENTICATED: "Set an API token (Token, top right) to make changes.",
  FORBIDDEN: "Your token's role does not allow this (curators propose, reviewers review).",
  CONFLICT: "Someone changed this record meanwhile: reload it and try again.",
  NOT_FOUND: "It may have been removed or the link is wrong.",
  NETWORK_ERROR: "Check that the API server is running.",
  QUERY_TIMEOUT: "Narrow the query: fewer hops, a smaller depth or a filter.",
};

/**
 * Renders an error for the user: each GraphQL error's code and message, the input issues it
 * lists (field and message), and a hint for the code.
 */
export function errorView(error: unknown, context?: string): HTMLElement {
  const entries =
    error instanceof ApiError
      ? error.errors
      : [{ message: error instanceof Error ? error.message : String(error), code: "CLIENT_ERROR", path: [], issues: [], extensions: {} }];
  const firstCode = entries[0]?.code ?? "CLIENT_ERROR";
  const hint = HINTS[firstCode];
  return h(
    "div",
    { class: "api-error", testid: "api-error", attrs: { role: "alert", "data-code": firstCode } },
    context ? h("div", { class: "api-error-context" }, context) : null,
    ...entries.map((entry) =>
      h(
        "div",
        { class: "api-error-entry" },
        h("span", { class: "error-code", testid: "error-code" }, entry.code),
        " ",
        h("span", { class: "error-message", testid: "error-message" }, entry.message),
        entry.issues.length > 0
          ? h("ul", { class: "error-issues" }, ...entry.issues.map((issue) => h("li", {}, h("code", {}, issue.field), ": ", issue.message)))
          : null,
      ),
    ),
    hint ? h("div", { class: "api-error-hint" }, hint) : null,
  );
}

/** The input issues an error lists, for showing them at their fields (e.g. "input.evidence[0].quote"). */
export function apiIssues(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.flatMap((entry) => entry.issues.map((issue) => ({ field: issue.field, message: issue.message })));
}
