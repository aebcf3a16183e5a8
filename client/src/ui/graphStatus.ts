import { h, replaceChildren, type Child } from "./dom.js";
import { errorView } from "./errorView.js";

/** The graph area's state, shown over the canvas. */
export type GraphStatusState =
  | { kind: "ready"; notice?: string }
  | { kind: "loading"; text: string }
  | { kind: "empty"; title: string; detail?: Child }
  | { kind: "error"; error: unknown; context: string };

export interface GraphStatus {
  readonly element: HTMLElement;
  set(state: GraphStatusState): void;
}

/** Loading, empty and error states over the graph; a notice line when the view is ready but cut. */
export function createGraphStatus(): GraphStatus {
  const element = h("div", { class: "graph-status", testid: "graph-status", attrs: { "data-state": "empty", "aria-live": "polite" } });
  return {
    element,
    set(state) {
      element.dataset["state"] = state.kind;
      element.classList.toggle("overlay", state.kind !== "ready");
      switch (state.kind) {
        case "ready":
          replaceChildren(element, state.notice ? h("div", { class: "notice", testid: "graph-notice" }, state.notice) : null);
          return;
        case "loading":
          replaceChildren(
            element,
            h("div", { class: "status-card loading" }, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), state.text),
          );
          return;
        case "empty":
          replaceChildren(
            element,
            h(
              "div",
              { class: "status-card empty", testid: "graph-empty" },
              h("strong", {}, state.title),
              state.detail ? h("div", {}, state.detail) : null,
            ),
          );
          return;
        case "error":
          replaceChildren(element, h("div", { class: "status-card error" }, errorView(state.error, state.context)));
          return;
      }
    },
  };
}
