import { getToken, isAbort, type Api, type ClaimDetailFieldsFragment, type ClaimFilter } from "../api/index.js";
import type { Selection } from "../state/index.js";
import {
  claimPanel,
  createContestedList,
  entityPanel,
  errorView,
  h,
  replaceChildren,
  type ContestedClaim,
  type EntityPanelEvents,
  type PickedEntity,
} from "../ui/index.js";
import { createAddEvidenceForm, createHistoryView, createProposeForm, createReviewQueue, type ProposeForm } from "../ui/curation/index.js";

export interface SidePanelEvents extends EntityPanelEvents {
  proposed(claim: ClaimDetailFieldsFragment): void;
  /** A claim changed (evidence added, reviewed): the graph should reload. */
  claimChanged(claim: ClaimDetailFieldsFragment): void;
  /** The propose form opened, closed, or its ends changed. */
  proposeStateChanged(): void;
  /** A claim from the contested list was opened: the graph should show it. */
  exploreClaim(claim: ContestedClaim): void;
}

export interface SidePanel {
  readonly element: HTMLElement;
  showSelection(selection: Selection | null, context: { filter: ClaimFilter; roots: readonly string[] }): void;
  /** Reloads the shown selection (after a change). */
  refresh(): void;
  showPropose(subject: PickedEntity | null): void;
  showReview(): void;
  /** The list of contested claims. */
  showContested(): void;
  /** The open propose form, if any (node clicks fill its ends). */
  proposeForm(): ProposeForm | null;
}

/** The right-hand panel: details of the selected element, or a curation view. */
export function createSidePanel(api: Api, events: SidePanelEvents): SidePanel {
  const element = h("aside", { class: "side-panel", testid: "side-panel", attrs: { "aria-label": "Details" } });
  let controller: AbortController | null = null;
  let lastSelection: Selection | null = null;
  let lastContext: { filter: ClaimFilter; roots: readonly string[] } = { filter: {}, roots: [] };
  let propose: ProposeForm | null = null;
  /** Whether the panel shows the selection or a form (which re-renders must not replace). */
  let view: "selection" | "form" = "selection";
  /** A message shown above the next claim rendered, e.g. after proposing it. */
  let notice: HTMLElement | null = null;

  function placeholder(): HTMLElement {
    return h(
      "div",
      { class: "placeholder", testid: "panel-placeholder" },
      h("h2", {}, "Details"),
      h("p", {}, "Click an edge to see its claim, strength and every study behind it. Click a node for its details and claims."),
      h("p", { class: "muted" }, "Double-click a node to expand its neighbourhood."),
    );
  }

  function closeForms(): void {
    if (propose !== null) {
      propose = null;
      events.proposeStateChanged();
    }
  }

  function renderClaim(claim: ClaimDetailFieldsFragment): void {
    view = "selection";
    const history = h("div", { class: "history-slot" });
    const banner = notice;
    notice = null;
    replaceChildren(
      element,
      banner,
      claimPanel(
        claim,
        {
          selectEntity: (id) => events.selectEntity(id),
          addEvidence: (c) => {
            view = "form";
            replaceChildren(
              element,
              createAddEvidenceForm(api, c, {
                added: (updated) => {
                  renderClaim(updated);
                  events.claimChanged(updated);
                },
                cancel: () => renderClaim(c),
              }),
            );
          },
          showHistory: (c) => replaceChildren(history, createHistoryView(api, c.id)),
        },
        getToken() !== null,
      ),
      history,
    );
  }

  function showPlaceholder(): void {
    view = "selection";
    controller?.abort();
    replaceChildren(element, placeholder());
  }

  async function load(selection: Selection): Promise<void> {
    view = "selection";
    controller?.abort();
    const current = new AbortController();
    controller = current;
    replaceChildren(element, h("div", { class: "panel-loading", testid: "panel-loading" }, h("span", { class: "spinner" }), "Loading…"));
    try {
      if (selection.kind === "edge") {
        const data = await api.claimDetail({ id: selection.id }, { signal: current.signal });
        if (controller !== current) return;
        if (data.claim === null) {
          replaceChildren(element, h("p", { class: "muted", testid: "panel-not-found" }, `No claim ${selection.id}.`));
          return;
        }
        renderClaim(data.claim);
      } else {
        const data = await api.entityDetail({ id: selection.id, filter: lastContext.filter, first: 50 }, { signal: current.signal });
        if (controller !== current) return;
        if (data.entity === null) {
          replaceChildren(element, h("p", { class: "muted", testid: "panel-not-found" }, `No entity ${selection.id}.`));
          return;
        }
        replaceChildren(element, entityPanel(data.entity, events, { isRoot: lastContext.roots.includes(selection.id) }));
      }
    } catch (error) {
      if (isAbort(error) || controller !== current) return;
      replaceChildren(element, errorView(error, selection.kind === "edge" ? "Could not load the claim" : "Could not load the entity"));
    }
  }

  replaceChildren(element, placeholder());

  return {
    element,
    showSelection(selection, context) {
      // Re-renders with an unchanged selection leave an open form alone.
      const same = JSON.stringify(selection) === JSON.stringify(lastSelection) && JSON.stringify(context) === JSON.stringify(lastContext);
      if (same) return;
      lastSelection = selection;
      lastContext = context;
      closeForms();
      if (selection === null) showPlaceholder();
      else void load(selection);
    },
    refresh() {
      if (lastSelection !== null && view === "selection") void load(lastSelection);
    },
    showPropose(subject) {
      controller?.abort();
      view = "form";
      propose = createProposeForm(
        api,
        { subject, object: null },
        {
          proposed: (claim) => {
            notice = h(
              "div",
              { class: "success", testid: "propose-success", attrs: { "data-claim-id": claim.id, "data-version": claim.version } },
              `Proposed ${claim.id} (version ${claim.version}). It is shown dashed until a reviewer accepts it.`,
            );
            closeForms();
            events.proposed(claim);
          },
          cancel: () => {
            closeForms();
            if (lastSelection !== null) void load(lastSelection);
            else showPlaceholder();
          },
          endsChanged: () => events.proposeStateChanged(),
          openClaim: (id) => {
            closeForms();
            lastSelection = { kind: "edge", id };
            void load(lastSelection);
            events.selectClaim(id);
          },
        },
      );
      replaceChildren(element, propose.element);
      events.proposeStateChanged();
    },
    showReview() {
      controller?.abort();
      closeForms();
      view = "form";
      replaceChildren(
        element,
        createReviewQueue(api, {
          open: (id) => {
            // Open the claim here even when it is already the selection; then sync the URL.
            lastSelection = { kind: "edge", id };
            void load(lastSelection);
            events.selectClaim(id);
          },
          reviewed: (claim) => events.claimChanged(claim),
          close: () => {
            if (lastSelection !== null) void load(lastSelection);
            else showPlaceholder();
          },
        }),
      );
    },
    showContested() {
      controller?.abort();
      closeForms();
      view = "form";
      replaceChildren(
        element,
        createContestedList(api, {
          open: (claim) => {
            lastSelection = { kind: "edge", id: claim.id };
            void load(lastSelection);
            events.exploreClaim(claim);
          },
          close: () => {
            if (lastSelection !== null) void load(lastSelection);
            else showPlaceholder();
          },
        }),
      );
    },
    proposeForm: () => propose,
  };
}
