import { getToken, isTokenRemembered, setToken } from "../../api/authToken.js";
import { h } from "../dom.js";

/**
 * The API token field. Reads are open; writes need a token with a role (curator proposes
 * and adds evidence, reviewer accepts or rejects). The token stays in this browser only,
 * and only for this tab's session unless "remember" is ticked.
 */
export function createTokenControl(): HTMLElement {
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

  const show = () => {
    const has = getToken() !== null;
    state.textContent = has ? "Token set" : "Read-only";
    state.classList.toggle("on", has);
    clear.hidden = !has;
    input.value = "";
    input.placeholder = has ? "Replace token" : "API token";
    remember.checked = isTokenRemembered();
  };
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
        submit: (event) => {
          event.preventDefault();
          if (input.value.trim() === "") return;
          setToken(input.value, { remember: remember.checked });
          show();
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
