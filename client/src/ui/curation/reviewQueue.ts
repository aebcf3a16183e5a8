import type { Api, ClaimDetailFieldsFragment, ReviewDecision } from "../../api/index.js";
import { formatNumber, h, replaceChildren } from "../dom.js";
import { errorView } from "../errorView.js";
import { ENTITY_KIND_LABELS, STANCE_LABELS, predicateLabel } from "../labels.js";

/** Proposals one load of the queue shows (newest first). */
const REVIEW_PAGE = 50;

export interface ReviewQueueEvents {
  open(claimId: string): void;
  reviewed(claim: ClaimDetailFieldsFragment): void;
  close(): void;
}

/**
 * Claims awaiting review. A decision sends the version the reviewer saw, so a claim changed
 * in the meantime fails with CONFLICT instead of being judged unseen.
 */
export function createReviewQueue(api: Pick<Api, "reviewQueue" | "reviewClaim">, events: ReviewQueueEvents): HTMLElement {
  const list = h("ol", { class: "review-list", testid: "review-list" });
  const status = h("div", { class: "form-message", testid: "review-status", attrs: { "aria-live": "polite" } });
  const refresh = h("button", { testid: "review-refresh", attrs: { type: "button" }, on: { click: () => void load() } }, "Refresh");
  const element = h(
    "section",
    { class: "review-queue", testid: "review-queue" },
    h("div", { class: "panel-kicker" }, "Curation"),
    h("h2", {}, "Review queue"),
    h(
      "div",
      { class: "actions" },
      refresh,
      h("button", { testid: "review-close", attrs: { type: "button" }, on: { click: () => events.close() } }, "Close"),
    ),
    status,
    list,
  );

  function card(claim: ClaimDetailFieldsFragment): HTMLElement {
    const note = h("input", {
      testid: "review-note",
      attrs: { type: "text", placeholder: "Note for the record (optional)", "aria-label": "Review note" },
    });
    const result = h("div", { class: "form-message", testid: "review-result", attrs: { "aria-live": "polite" } });
    const decide = async (decision: ReviewDecision, buttons: HTMLButtonElement[]) => {
      buttons.forEach((b) => (b.disabled = true));
      replaceChildren(result, "Sending…");
      try {
        const text = note.value.trim();
        const data = await api.reviewClaim({
          id: claim.id,
          expectedVersion: claim.version,
          decision,
          note: text === "" ? null : text,
        });
        const reviewed = data.reviewClaim;
        item.dataset["status"] = reviewed.status;
        replaceChildren(
          result,
          h(
            "div",
            { class: "success", testid: "review-success" },
            `${reviewed.status === "ACCEPTED" ? "Accepted" : "Rejected"}: now version ${reviewed.version}.`,
          ),
        );
        events.reviewed(reviewed);
      } catch (error) {
        buttons.forEach((b) => (b.disabled = false));
        replaceChildren(result, errorView(error, "The decision was not recorded"));
      }
    };
    const accept = h("button", { class: "primary", testid: "review-accept", attrs: { type: "button" } }, "Accept");
    const reject = h("button", { class: "danger", testid: "review-reject", attrs: { type: "button" } }, "Reject");
    accept.addEventListener("click", () => void decide("ACCEPT", [accept, reject]));
    reject.addEventListener("click", () => void decide("REJECT", [accept, reject]));
    const first = claim.evidence[0];
    const item = h(
      "li",
      { class: "review-card", testid: "review-item", attrs: { "data-claim-id": claim.id, "data-status": claim.status } },
      h(
        "button",
        { class: "link claim-sentence", attrs: { type: "button" }, on: { click: () => events.open(claim.id) } },
        `${claim.subject.name} `,
        h("span", { class: `predicate sign-${claim.sign}` }, predicateLabel(claim.predicate)),
        ` ${claim.object.name}`,
      ),
      h(
        "div",
        { class: "meta" },
        `${ENTITY_KIND_LABELS[claim.subject.kind]} → ${ENTITY_KIND_LABELS[claim.object.kind]} · ${claim.id} · v${claim.version}${claim.createdBy ? ` · proposed by ${claim.createdBy}` : ""}`,
      ),
      h("div", { class: "breakdown" }, `Strength ${formatNumber(claim.strength)}: ${claim.strengthBreakdown.summary}`),
      first
        ? h(
            "div",
            { class: "review-evidence" },
            h("span", { class: `badge stance stance-${first.stance}` }, STANCE_LABELS[first.stance]),
            " ",
            first.study.citation,
            h("blockquote", { class: "quote" }, first.quote),
          )
        : null,
      note,
      h("div", { class: "actions" }, accept, reject),
      result,
    );
    return item;
  }

  async function load(): Promise<void> {
    replaceChildren(status, "Loading…");
    try {
      const data = await api.reviewQueue({ first: REVIEW_PAGE });
      const count = data.reviewQueue.length;
      replaceChildren(
        status,
        count === 0
          ? h("p", { class: "muted", testid: "review-empty" }, "Nothing awaits review.")
          : count < REVIEW_PAGE
            ? `${count} awaiting review, newest first`
            : `The ${count} newest of the claims awaiting review`,
      );
      replaceChildren(list, ...data.reviewQueue.map(card));
    } catch (error) {
      replaceChildren(status, errorView(error, "Could not load the review queue"));
    }
  }

  void load();
  return element;
}
