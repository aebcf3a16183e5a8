import type { Api, ClaimDetailFieldsFragment } from "../../api/index.js";
import { h, replaceChildren } from "../dom.js";
import { apiIssues, errorView } from "../errorView.js";
import { predicateLabel } from "../labels.js";
import { createEvidenceFields } from "./evidenceFields.js";
import { issueSummary, showIssues } from "./formFields.js";

export interface AddEvidenceEvents {
  added(claim: ClaimDetailFieldsFragment): void;
  cancel(): void;
}

/** Adds one evidence item to an existing claim (no version check: concurrent additions all survive). */
export function createAddEvidenceForm(
  api: Pick<Api, "addEvidence" | "studySearch" | "createStudy" | "registerSource">,
  claim: ClaimDetailFieldsFragment,
  events: AddEvidenceEvents,
): HTMLElement {
  const evidence = createEvidenceFields(api, "add-evidence");
  const message = h("div", { class: "form-message", testid: "add-evidence-message", attrs: { "aria-live": "polite" } });
  const submit = h("button", { class: "primary", testid: "add-evidence-submit", attrs: { type: "submit" } }, "Add evidence");
  const form: HTMLFormElement = h(
    "form",
    { class: "curation-form", testid: "add-evidence-form", on: { submit: (event) => void onSubmit(event) } },
    h("div", { class: "panel-kicker" }, "Curation"),
    h("h2", {}, "Add evidence"),
    h("p", { class: "muted" }, `${claim.subject.name} ${predicateLabel(claim.predicate)} ${claim.object.name}`),
    evidence.element,
    message,
    h(
      "div",
      { class: "actions" },
      submit,
      h("button", { testid: "add-evidence-cancel", attrs: { type: "button" }, on: { click: () => events.cancel() } }, "Cancel"),
    ),
  );

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    showIssues(form, []);
    let item;
    try {
      // The record rules first: every problem is shown at its field, and nothing is sent.
      const { input, issues } = evidence.read("evidence");
      if (issues.length > 0) {
        replaceChildren(message, issueSummary("Fix these before adding the evidence:", showIssues(form, issues)));
        return;
      }
      item = input;
    } catch (error) {
      replaceChildren(message, errorView(error));
      return;
    }
    submit.disabled = true;
    replaceChildren(message, "Sending…");
    try {
      const data = await api.addEvidence({ claimId: claim.id, evidence: item });
      replaceChildren(
        message,
        h(
          "div",
          { class: "success", testid: "add-evidence-success" },
          `Evidence added; the claim is now version ${data.addEvidence.version}.`,
        ),
      );
      evidence.reset();
      events.added(data.addEvidence);
    } catch (error) {
      showIssues(form, apiIssues(error));
      replaceChildren(message, errorView(error, "The evidence was not added"));
    } finally {
      submit.disabled = false;
    }
  }

  return form;
}
