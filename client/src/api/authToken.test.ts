// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { getToken, isTokenRemembered, setToken } from "./authToken.js";

const KEY = "mechgraph.token";

describe("where the token is kept", () => {
  afterEach(() => {
    setToken(null);
    sessionStorage.clear();
    localStorage.clear();
  });

  it("keeps it for this tab's session only, unless asked to remember it", () => {
    setToken(" mg_session ");
    expect(sessionStorage.getItem(KEY)).toBe("mg_session");
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(getToken()).toBe("mg_session");
    expect(isTokenRemembered()).toBe(false);
  });

  it("keeps it across browser restarts when remembered, and in one place only", () => {
    setToken("mg_session");
    setToken("mg_kept", { remember: true });
    expect(localStorage.getItem(KEY)).toBe("mg_kept");
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(getToken()).toBe("mg_kept");
    expect(isTokenRemembered()).toBe(true);
    // Saving again without "remember" moves it back to the session and off the device.
    setToken("mg_kept");
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(isTokenRemembered()).toBe(false);
  });

  it("forgets it everywhere when cleared", () => {
    setToken("mg_kept", { remember: true });
    setToken(null);
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(getToken()).toBeNull();
  });
});
