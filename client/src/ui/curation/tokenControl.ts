import { getToken, isTokenRemembered, setToken } from "../../api/authToken.js";
import { ApiError, type Api } from "../../api/index.js";
import { h } from "../dom.js";

type Viewer = { name: string; role: "CURATOR" | "REVIEWER" };

/** Asks the API who `token` belongs to: a viewer, or the reason it was refused. */
async function checkToken(api: Pick<Api, "viewer">, token: string): Promise<{ viewer: Viewer } | { refused: string }> {
  try {
    const { viewer } = await api.viewer({}, { token });
    return viewer ? { viewer } : { refused: "The API did not recognise the token" };
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") return { refused: error.errors[0]?.message ?? "Token refused" };
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

const roleText = (viewer: Viewer) => `${viewer.role === "REVIEWER" ? "Reviewer" : "Curator"}: ${viewer.name}`;

/**
 * The API token field. Reads are open; writes need a token with a role (curator proposes
 * and adds evidence, reviewer accepts or rejects). The token stays in this browser only,
 * and only for this tab's session unless "remember" is ticked. A token is checked with the
 * API before it is kept, and the control shows whose it is and with which role.
 */
export function createTokenControl(api: Pick<Api, "viewer">): HTMLElement {
  const input = h("input", {
    testid: "token-input",
    attrs: { type: "password", placeholder: "API token", "aria-label": "API token", autocomplete: "off" },
  });
  const state = h("span", { class: "token-state", testid: "token-state" });
  const remember = h("input", { testid: "token-remember", attrs: { type: "checkbox", "aria-label": "Remember the token on this device" } });
  const rememberLabel = h(
    "label",
    { class: "token-remember", attrs: { title: "Keep the token after the browser closes" } },
    remember,
    "remember",
  );
  const save = h("button", { testid: "token-save", attrs: { type: "submit" } }, "Save");
  const clear = h("button", { testid: "token-clear", attrs: { type: "button" } }, "Clear");

  const show = (viewer: Viewer | null = null, problem: string | null = null) => {
    const has = getToken() !== null;
    state.textContent = problem ?? (viewer ? roleText(viewer) : has ? "Token set" : "Read-only");
    state.title = problem ?? "";
    state.classList.toggle("on", has && problem === null);
    state.classList.toggle("refused", problem !== null);
    clear.hidden = !has;
    input.value = "";
    input.placeholder = has ? "Replace token" : "API token";
    remember.checked = isTokenRemembered();
  };
  // A remembered token is checked on start too, so a revoked one says so before a write fails.
  const stored = getToken();
  if (stored !== null)
    void checkToken(api, stored).then((result) =>
      "viewer" in result ? show(result.viewer) : show(null, `Stored token refused: ${result.refused}`),
    );
  clear.addEventListener("click", () => {
    setToken(null);
    show();
  });
  const form = h(
    "form",
    {
      class: "token-control",
      testid: "token-form",
      on: {
        submit: async (event) => {
          event.preventDefault();
          const candidate = input.value.trim();
          if (candidate === "") return;
          save.disabled = true;
          state.textContent = "Checking…";
          const result = await checkToken(api, candidate);
          save.disabled = false;
          if ("refused" in result) {
            // Not kept: the field keeps the text so a typo can be fixed.
            state.textContent = `Not saved: ${result.refused}`;
            state.classList.add("refused");
            state.classList.remove("on");
            return;
          }
          setToken(candidate, { remember: remember.checked });
          show(result.viewer);
        },
      },
    },
    state,
    input,
    rememberLabel,
    save,
    clear,
  );
  show();
  return form;
}
