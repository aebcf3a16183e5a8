import type { Api } from "../../api/index.js";
import { h, replaceChildren } from "../dom.js";
import { errorView } from "../errorView.js";

/** A claim's change history, oldest first, each change with its actor, note and diff. */
export function createHistoryView(api: Pick<Api, "claimHistory">, claimId: string): HTMLElement {
  const element = h("section", { class: "history", testid: "history" }, h("h3", {}, "History"), h("p", { class: "muted" }, "Loading…"));
  api
    .claimHistory({ id: claimId })
    .then((data) => {
      const changes = data.claim?.history ?? [];
      replaceChildren(
        element,
        h("h3", {}, `History (${changes.length})`),
        changes.length === 0
          ? h("p", { class: "muted" }, "No recorded changes.")
          : h(
              "ol",
              { class: "history-list" },
              ...changes.map((change) =>
                h(
                  "li",
                  { testid: "history-item", attrs: { "data-action": change.action, "data-version": change.version } },
                  h("strong", {}, change.action),
                  ` → v${change.version} by ${change.actor} at ${change.at.replace("T", " ").slice(0, 19)}`,
                  change.note ? h("div", { class: "history-note" }, change.note) : null,
                  change.diff !== null && change.diff !== undefined
                    ? h("details", {}, h("summary", {}, "Changes"), h("pre", { class: "diff" }, JSON.stringify(change.diff, null, 2)))
                    : null,
                ),
              ),
            ),
      );
    })
    .catch((error: unknown) => replaceChildren(element, h("h3", {}, "History"), errorView(error, "Could not load the history")));
  return element;
}
