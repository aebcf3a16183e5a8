/**
 * The bearer token for writes. It is kept in sessionStorage (gone when the tab closes)
 * unless the user asks to remember it, which keeps it in localStorage across restarts.
 */
const STORAGE_KEY = "mechgraph.token";

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

function read(storage: () => Storage): string | null {
  try {
    const token = storage().getItem(STORAGE_KEY);
    return token !== null && token.trim() !== "" ? token.trim() : null;
  } catch {
    return null;
  }
}

function forget(storage: () => Storage): void {
  try {
    storage().removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode): there is nothing to forget.
  }
}

export function getToken(): string | null {
  return read(() => sessionStorage) ?? read(() => localStorage);
}

/** True when the current token is kept across browser restarts. */
export function isTokenRemembered(): boolean {
  return read(() => localStorage) !== null;
}

/**
 * Stores (or, with null or blank, forgets everywhere) the token and tells subscribers.
 * With `remember` it survives closing the browser; otherwise only this tab's session.
 */
export function setToken(token: string | null, { remember = false }: { remember?: boolean } = {}): void {
  const value = token?.trim() ?? "";
  forget(() => sessionStorage);
  forget(() => localStorage);
  if (value !== "") {
    try {
      (remember ? localStorage : sessionStorage).setItem(STORAGE_KEY, value);
    } catch {
      // Storage can be unavailable (private mode); the token then lives only until reload.
    }
  }
  for (const listener of listeners) listener(value === "" ? null : value);
}

/** Calls `listener` whenever the token changes; returns an unsubscribe function. */
export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
