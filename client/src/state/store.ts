import type { AppState } from "./appState.js";
import { reduce, type Action } from "./reducer.js";

export type Listener = (state: AppState, previous: AppState) => void;

/** Holds the client state; `dispatch` runs the reducer and tells subscribers when it changed. */
export interface Store {
  getState(): AppState;
  dispatch(action: Action): void;
  /** Calls `listener` after every change with the new and the previous state; returns an unsubscribe. */
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  // An action dispatched by a listener waits until every listener has seen the current change,
  // so each listener sees the changes in order, each once.
  const queue: Action[] = [];
  let running = false;
  return {
    getState: () => state,
    dispatch(action) {
      queue.push(action);
      if (running) return;
      running = true;
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const previous = state;
          state = reduce(state, next);
          if (state === previous) continue;
          for (const listener of [...listeners]) listener(state, previous);
        }
      } finally {
        running = false;
        queue.length = 0;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
