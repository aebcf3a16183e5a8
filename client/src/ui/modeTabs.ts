import type { ViewMode } from "../state/index.js";
import { h } from "./dom.js";

const MODE_LABELS: Record<ViewMode, string> = {
  how: "How it works",
  explore: "Explore",
  path: "Pathways",
  time: "Time course",
};

export interface ModeTabs {
  readonly element: HTMLElement;
  set(mode: ViewMode): void;
}

/** Switches between how an entity works, exploring neighbourhoods, finding pathways, and the time course. */
export function createModeTabs(onSelect: (mode: ViewMode) => void): ModeTabs {
  const modes = Object.keys(MODE_LABELS) as ViewMode[];
  const buttons = modes.map((mode) =>
    h(
      "button",
      {
        class: "tab",
        testid: `mode-${mode}`,
        attrs: { type: "button", role: "tab", "aria-selected": "false" },
        on: { click: () => onSelect(mode) },
      },
      MODE_LABELS[mode],
    ),
  );
  return {
    element: h("nav", { class: "tabs", testid: "mode-tabs", attrs: { role: "tablist", "aria-label": "View" } }, ...buttons),
    set(mode) {
      buttons.forEach((button, i) => button.setAttribute("aria-selected", String(modes[i] === mode)));
    },
  };
}
