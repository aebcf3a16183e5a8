import type { MechanismsQuery, PredicateSign } from "../api/index.js";
import { h, replaceChildren, formatNumber } from "./dom.js";
import { createEntitySearch, type EntityHit, type EntitySearchApi } from "./entityPicker.js";

export type Chain = MechanismsQuery["mechanisms"][number];

/** How a chain's net sign reads: what its start does to its end. */
export const NET_SIGN_TEXT: Record<PredicateSign, string> = {
  POSITIVE: "↑ raises",
  NEGATIVE: "↓ lowers",
  NEUTRAL: "· unsigned",
};

/** The arrow between two entities of a chain, by the step's sign: -> activates, -| inhibits. */
const STEP_GLYPH: Record<PredicateSign, string> = { POSITIVE: "→", NEGATIVE: "⊣", NEUTRAL: "–" };

export interface ChainListEvents {
  /** The user chose the entity to explain. */
  choose(entity: EntityHit): void;
  /** The user picked a chain to draw. */
  show(index: number): void;
}

export interface ChainList {
  readonly element: HTMLElement;
  /** Shows the entity's name in the search box (after a shared link or back/forward), unless the user is typing. */
  setEntityName(name: string): void;
  /** null: no entity chosen yet. */
  setChains(chains: readonly Chain[] | null, shown: number): void;
}

export function chainText(chain: Chain): string {
  const start = chain.entities[0]?.name ?? "";
  return chain.steps.reduce((text, step) => `${text} ${STEP_GLYPH[step.sign]} ${step.to.name}`, start);
}

/** "confidence 0.42 · 6 steps": the chain's score, as the API ranks it. */
export function chainConfidence(chain: Chain): string {
  return `confidence ${formatNumber(chain.score, 3)} · ${chain.steps.length} step${chain.steps.length === 1 ? "" : "s"}`;
}

function weakestText(chain: Chain): string {
  const step = chain.steps[chain.explanation.weakestStepIndex];
  return step ? `weakest: ${step.from.name} ${STEP_GLYPH[step.sign]} ${step.to.name} (${formatNumber(step.strength, 3)})` : "";
}

/**
 * How it works: one search box, then the chosen entity's mechanism chains to outcomes, best
 * first. The shown chain is summarised above the list; clicking another chain draws it.
 */
export function createChainList(api: EntitySearchApi, events: ChainListEvents): ChainList {
  const search = createEntitySearch({
    api,
    label: "How does it work?",
    placeholder: "An intervention or any entity, e.g. ketamine",
    testid: "how-search",
    onSelect: (entity) => events.choose(entity),
  });
  const summary = h("div", { class: "chain-summary", testid: "chain-summary", attrs: { "aria-live": "polite" } });
  const list = h("ol", { class: "chain-list", testid: "chain-list", attrs: { "aria-label": "Mechanism chains, best first" } });
  const element = h(
    "section",
    { class: "panel-section how-it-works", testid: "how-section" },
    h("h2", {}, "How it works"),
    search.element,
    h("p", { class: "hint" }, "Shows the strongest chains of causal claims from the entity to outcomes, best first."),
    summary,
    list,
  );

  function item(chain: Chain, index: number, shown: number): HTMLElement {
    const show = () => events.show(index);
    return h(
      "li",
      {
        class: `chain-item${index === shown ? " focused" : ""}`,
        testid: "chain-item",
        attrs: {
          tabindex: 0,
          "data-index": index,
          "data-net-sign": chain.netSign,
          "data-score": chain.score,
          ...(index === shown ? { "aria-current": "true" } : {}),
        },
        on: {
          click: show,
          keydown: (event) => {
            if (event.key === "Enter" || event.key === " ") {
              event.preventDefault();
              show();
            }
          },
        },
      },
      h(
        "span",
        { class: "chain-meta" },
        h("span", { class: `net-sign net-${chain.netSign}`, testid: "chain-net-sign" }, NET_SIGN_TEXT[chain.netSign]),
        h("span", { class: "chain-confidence", testid: "chain-confidence" }, chainConfidence(chain)),
      ),
      h("span", { class: "chain-text" }, chainText(chain)),
      h("span", { class: "chain-weakest", testid: "chain-weakest" }, weakestText(chain)),
    );
  }

  return {
    element,
    setEntityName(name) {
      if (document.activeElement !== search.input) search.setText(name);
    },
    setChains(chains, shown) {
      if (chains === null || chains.length === 0) {
        replaceChildren(summary);
        replaceChildren(list);
        return;
      }
      const chain = chains[shown] ?? chains[0]!;
      const end = chain.entities[chain.entities.length - 1]?.name ?? "";
      replaceChildren(
        summary,
        h(
          "p",
          { class: "chain-headline" },
          h("strong", {}, `${chain.entities[0]?.name ?? ""} ${NET_SIGN_TEXT[chain.netSign].slice(2)} ${end}`),
          ` · ${chainConfidence(chain)}`,
        ),
        h("p", { class: "muted" }, chain.explanation.summary),
        chain.complete ? null : h("p", { class: "notice" }, "The search stopped at its time budget: a better chain may exist."),
      );
      replaceChildren(list, ...chains.map((c, i) => item(c, i, shown)));
    },
  };
}
