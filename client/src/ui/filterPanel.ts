import type { ClaimStatus, StudyDesign } from "../api/index.js";
import { activeFilterCount, emptyFilter, type FilterState } from "../state/index.js";
import { debounce, h, replaceChildren, formatNumber } from "./dom.js";
import { createEntityPicker, type EntitySearchApi } from "./entityPicker.js";
import { CLAIM_STATUS_LABELS, COMMON_SPECIES, STUDY_DESIGN_LABELS } from "./labels.js";

export interface FilterPanel {
  readonly element: HTMLElement;
  /** Shows the view state's filters. */
  set(filter: FilterState): void;
}

/**
 * Filters that map to the API's ClaimFilter: species, minimum strength, study design,
 * brain region and curation status. Every change applies at once.
 */
export function createFilterPanel(api: EntitySearchApi, onChange: (filter: FilterState) => void): FilterPanel {
  let current: FilterState = emptyFilter();
  /** Region names learned from the picker, so chips read as names rather than ids. */
  const regionNames = new Map<string, string>();

  const emit = (patch: Partial<FilterState>) => {
    current = { ...current, ...patch };
    onChange(current);
  };

  const speciesBoxes = COMMON_SPECIES.map((species) =>
    checkbox(`filter-species-${species}`, species, (checked) => {
      const others = current.species.filter((s) => s !== species);
      emit({ species: checked ? [...others, species] : others });
    }),
  );
  const otherSpecies = h("input", {
    testid: "filter-species-other",
    attrs: { type: "text", placeholder: "other species, comma-separated", "aria-label": "Other species" },
    on: {
      change: () => {
        const typed = otherSpecies.value
          .split(",")
          .map((s) => s.trim().toLowerCase())
          .filter((s) => s !== "");
        const common = current.species.filter((s) => COMMON_SPECIES.includes(s));
        emit({ species: [...new Set([...common, ...typed])] });
      },
    },
  });

  const strengthValue = h("output", { testid: "filter-strength-value" });
  const strength = h("input", {
    testid: "filter-min-strength",
    attrs: { type: "range", min: 0, max: 1, step: 0.05, value: 0, "aria-label": "Minimum strength" },
  });
  const emitStrength = debounce((value: number) => emit({ minStrength: value > 0 ? value : null }), 250);
  strength.addEventListener("input", () => {
    strengthValue.textContent = formatNumber(Number(strength.value));
    emitStrength(Number(strength.value));
  });

  const designBoxes = (Object.keys(STUDY_DESIGN_LABELS) as StudyDesign[]).map((design) =>
    checkbox(`filter-design-${design}`, STUDY_DESIGN_LABELS[design], (checked) => {
      const others = current.designs.filter((d) => d !== design);
      emit({ designs: checked ? [...others, design] : others });
    }),
  );

  const regionPicker = createEntityPicker({
    api,
    label: "Brain region",
    testid: "filter-region",
    kinds: ["BRAIN_REGION"],
    placeholder: "Add a region…",
  });
  regionPicker.onChange((entity) => {
    if (entity === null || current.regions.includes(entity.id)) return;
    regionNames.set(entity.id, entity.name);
    regionPicker.set(null);
    emit({ regions: [...current.regions, entity.id] });
  });
  const regionChips = h("div", { class: "chips", testid: "filter-region-chips" });

  const statusBoxes = (Object.keys(CLAIM_STATUS_LABELS) as ClaimStatus[]).map((status) =>
    checkbox(`filter-status-${status}`, CLAIM_STATUS_LABELS[status], (checked) => {
      const others = current.statuses.filter((s) => s !== status);
      const next = checked ? [...others, status] : others;
      emit({ statuses: next.length > 0 ? next : ["ACCEPTED"] });
    }),
  );

  const badge = h("span", { class: "count-badge", testid: "filter-count" });
  const reset = h(
    "button",
    {
      class: "link",
      testid: "filter-reset",
      attrs: { type: "button" },
      on: {
        click: (event) => {
          event.preventDefault();
          emit(emptyFilter());
        },
      },
    },
    "Reset",
  );

  const element = h(
    "details",
    { class: "panel-section filters", testid: "filters", attrs: { open: true } },
    h("summary", {}, h("h2", {}, "Filters ", badge), reset),
    group("Species", h("div", { class: "checks" }, ...speciesBoxes.map((b) => b.element)), otherSpecies),
    group("Minimum strength", h("div", { class: "range-row" }, strength, strengthValue)),
    group("Study design", h("div", { class: "checks two-col" }, ...designBoxes.map((b) => b.element))),
    group("Brain region", regionPicker.element, regionChips, h("p", { class: "hint" }, "A region includes its parts (part-of).")),
    group("Status", h("div", { class: "checks two-col" }, ...statusBoxes.map((b) => b.element))),
  );

  return {
    element,
    set(filter) {
      current = filter;
      speciesBoxes.forEach((box, i) => box.set(filter.species.includes(COMMON_SPECIES[i] ?? "")));
      otherSpecies.value = filter.species.filter((s) => !COMMON_SPECIES.includes(s)).join(", ");
      strength.value = String(filter.minStrength ?? 0);
      strengthValue.textContent = formatNumber(filter.minStrength ?? 0);
      const designs = Object.keys(STUDY_DESIGN_LABELS) as StudyDesign[];
      designBoxes.forEach((box, i) => box.set(filter.designs.includes(designs[i] as StudyDesign)));
      const statuses = Object.keys(CLAIM_STATUS_LABELS) as ClaimStatus[];
      statusBoxes.forEach((box, i) => box.set(filter.statuses.includes(statuses[i] as ClaimStatus)));
      replaceChildren(
        regionChips,
        ...filter.regions.map((id) =>
          h(
            "span",
            { class: "chip", attrs: { "data-id": id } },
            regionNames.get(id) ?? id,
            h(
              "button",
              {
                class: "chip-remove",
                attrs: { type: "button", "aria-label": `Remove ${id}` },
                on: { click: () => emit({ regions: current.regions.filter((r) => r !== id) }) },
              },
              "×",
            ),
          ),
        ),
      );
      const count = activeFilterCount(filter);
      badge.textContent = count > 0 ? String(count) : "";
    },
  };
}

function group(title: string, ...content: HTMLElement[]): HTMLElement {
  return h("fieldset", { class: "filter-group" }, h("legend", {}, title), ...content);
}

function checkbox(testid: string, label: string, onToggle: (checked: boolean) => void) {
  const input = h("input", { testid, attrs: { type: "checkbox" }, on: { change: () => onToggle(input.checked) } });
  return { element: h("label", { class: "check" }, input, " ", label), set: (checked: boolean) => (input.checked = checked) };
}
