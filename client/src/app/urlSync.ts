import { decodeViewState, encodeViewState, type ViewState } from "../state/index.js";

/**
 * How a navigation enters the browser history: `push` adds an entry, `replace` rewrites the
 * current one, `gesture` pushes on a gesture's first step and replaces on the next ones (a
 * dragged slider makes one entry), and `gesture-end` closes the gesture.
 */
export type HistoryMode = "push" | "replace" | "gesture" | "gesture-end";

/** Query parameters that are settings of this page, not of the view: kept as the view changes. */
const PRESERVED_PARAMS = ["renderer"] as const;

function preserved(search: string): string {
  const current = new URLSearchParams(window.location.search);
  const params = new URLSearchParams(search);
  for (const name of PRESERVED_PARAMS) {
    const value = current.get(name);
    if (value !== null) params.set(name, value);
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export interface UrlSync {
  read(): ViewState;
  write(state: ViewState, mode: HistoryMode): void;
}

/** Keeps the view state in the URL's query string; back and forward call `onPop`. */
export function createUrlSync(onPop: (state: ViewState) => void): UrlSync {
  let inGesture = false;
  window.addEventListener("popstate", () => {
    inGesture = false;
    onPop(decodeViewState(window.location.search));
  });
  return {
    read: () => decodeViewState(window.location.search),
    write(state, mode) {
      const search = preserved(encodeViewState(state));
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      const unchanged = search === window.location.search;
      const replace = mode === "replace" || ((mode === "gesture" || mode === "gesture-end") && inGesture);
      inGesture = mode === "gesture";
      if (unchanged) return;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
  };
}
