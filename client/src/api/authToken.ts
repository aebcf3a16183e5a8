/** The bearer token for writes, kept in localStorage so it survives reloads. */
const STORAGE_KEY = "mechgraph.token";

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  try {
    const token = localStorage.getItem(STORAGE_KEY);
    return token !== null && token.trim() !== "" ? token.trim() : null;
  } catch {
    return null;
  }
}

/** Stores (or, with null or blank, forgets) the token and tells subscribers. */
export function setToken(token: string | null): void {
  const value = token?.trim() ?? "";
  try {
    if (value === "") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Storage can be unavailable (private mode); the token then lives only until reload.
  }
  for (const listener of listeners) listener(value === "" ? null : value);
}

/** Calls `listener` whenever the token changes; returns an unsubscribe function. */
export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
