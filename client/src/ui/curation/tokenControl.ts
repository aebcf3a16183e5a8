import { getToken, setToken } from "../../api/index.js";
import { h } from "../dom.js";

/**
 * The API token field. Reads are open; writes need a token with a role (curator proposes
 * and adds evidence, reviewer accepts or rejects). The token stays in this browser only.
 */
export function createTokenControl(): HTMLElement {
  const input = h("input", {
    testid: "token-input",
    attrs: { type: "password", placeholder: "API token", "aria-label": "API token", autocomplete: "off" },
  });
  const state = h("span", { class: "token-state", testid: "token-state" });
  const save = h("button", { testid: "token-save", attrs: { type: "submit" } }, "Save");
  const clear = h("button", { testid: "token-clear", attrs: { type: "button" } }, "Clear");

  const show = () => {
    const has = getToken() !== null;
    state.textContent = has ? "Token set" : "Read-only";
    state.classList.toggle("on", has);
    clear.hidden = !has;
    input.value = "";
    input.placeholder = has ? "Replace token" : "API token";
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
          setToken(input.value);
          show();
        },
      },
    },
    state,
    input,
    save,
    clear,
  );
  show();
  return form;
}
