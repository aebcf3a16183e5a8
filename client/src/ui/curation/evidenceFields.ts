import type { Api, EvidenceInput, Stance, StudySearchQuery } from "../../api/index.js";
import { createAutocomplete } from "../autocomplete.js";
import { h } from "../dom.js";
import { STANCE_LABELS, STUDY_DESIGN_LABELS } from "../labels.js";
import { field, numberInput, optionalNumber, optionalText, select, textInput } from "./formFields.js";

type StudyHit = StudySearchQuery["studies"][number];

export interface EvidenceFields {
  readonly element: HTMLElement;
  /** The evidence as the API takes it; throws an Error naming the field when one is malformed. */
  read(): EvidenceInput;
  reset(): void;
}

/**
 * The fields of one evidence item: the study (searched by author, title, year, PMID or DOI),
 * the stance, the verbatim quote, and the numbers the source gives. Each control's
 * `data-field` is its EvidenceInput field, so API errors that name a field can mark it.
 */
export function createEvidenceFields(api: Pick<Api, "studySearch">, testidPrefix: string): EvidenceFields {
  let studyId: string | null = null;
  const studyLine = h("span", { class: "picker-id", testid: `${testidPrefix}-study-id` });
  const study = createAutocomplete<StudyHit>({
    label: "Study",
    placeholder: "Author, title, year, PMID or DOI…",
    testid: `${testidPrefix}-study`,
    fetch: async (text, signal) => (await api.studySearch({ text, first: 10 }, { signal })).studies,
    key: (s) => s.id,
    render: (s) => ({
      primary: s.citation,
      secondary: [s.id, STUDY_DESIGN_LABELS[s.design], s.species, s.n !== null ? `n=${s.n}` : null, s.pmid ? `PMID ${s.pmid}` : null]
        .filter(Boolean)
        .join(" · "),
    }),
    onSelect: (s) => {
      studyId = s.id;
      studyLine.textContent = s.id;
    },
    onType: () => {
      studyId = null;
      studyLine.textContent = "";
    },
  });
  study.input.dataset["field"] = "studyId";

  const stance = select<Stance>(
    `${testidPrefix}-stance`,
    (Object.keys(STANCE_LABELS) as Stance[]).map((s) => ({ value: s, label: STANCE_LABELS[s] })),
    "SUPPORTS",
  );
  const quote = h("textarea", {
    testid: `${testidPrefix}-quote`,
    attrs: { rows: 3, placeholder: "The verbatim sentence from the source" },
  });
  const n = numberInput(`${testidPrefix}-n`, { min: 1, step: 1 });
  const effectSize = numberInput(`${testidPrefix}-effect-size`);
  const effectSizeType = textInput(`${testidPrefix}-effect-type`, { placeholder: "e.g. Hedges g" });
  const ciLow = numberInput(`${testidPrefix}-ci-low`);
  const ciHigh = numberInput(`${testidPrefix}-ci-high`);
  const pValue = numberInput(`${testidPrefix}-p`, { min: 0, max: 1 });
  const timepoint = textInput(`${testidPrefix}-timepoint`, { placeholder: "e.g. 24 h" });
  const responseRate = numberInput(`${testidPrefix}-response`, { min: 0, max: 1, placeholder: "0.71 for 71%" });
  const remissionRate = numberInput(`${testidPrefix}-remission`, { min: 0, max: 1 });
  const disputed = h("input", { testid: `${testidPrefix}-disputed`, attrs: { type: "checkbox" } });
  const disputeNote = textInput(`${testidPrefix}-dispute-note`, { placeholder: "What differs, and where that was checked" });
  const note = textInput(`${testidPrefix}-note`);

  const studyField = h("label", { class: "field picker" }, h("span", { class: "field-label" }, "Study"), study.element, studyLine);
  const element = h(
    "fieldset",
    { class: "evidence-fields" },
    h("legend", {}, "Evidence"),
    studyField,
    field("Stance", stance, "stance"),
    field("Quote", quote, "quote", "Verbatim, as the source words it."),
    h(
      "div",
      { class: "grid-3" },
      field("n", n, "n"),
      field("Effect size", effectSize, "effectSize"),
      field("Effect type", effectSizeType, "effectSizeType"),
      field("CI low", ciLow, "ciLow"),
      field("CI high", ciHigh, "ciHigh"),
      field("p value", pValue, "pValue"),
      field("Timepoint", timepoint, "timepoint"),
      field("Response rate", responseRate, "responseRate"),
      field("Remission rate", remissionRate, "remissionRate"),
    ),
    h("label", { class: "check" }, disputed, " The source misstates this study"),
    field("Dispute note", disputeNote, "disputeNote"),
    field("Note", note, "note"),
  );

  return {
    element,
    read() {
      const typed = study.input.value.trim();
      const id = studyId ?? (/^study:\S+$/.test(typed) ? typed : null);
      if (id === null) throw new Error("Choose a study from the suggestions (or type its id, e.g. study:name-2020)");
      // Empty optional fields stay undefined, which JSON leaves out of the request.
      const input: EvidenceInput = {
        studyId: id,
        stance: stance.value as Stance,
        quote: quote.value.trim(),
        n: optionalNumber(n, "n", true),
        effectSize: optionalNumber(effectSize, "Effect size"),
        effectSizeType: optionalText(effectSizeType),
        ciLow: optionalNumber(ciLow, "CI low"),
        ciHigh: optionalNumber(ciHigh, "CI high"),
        pValue: optionalNumber(pValue, "p value"),
        timepoint: optionalText(timepoint),
        responseRate: optionalNumber(responseRate, "Response rate"),
        remissionRate: optionalNumber(remissionRate, "Remission rate"),
        disputed: disputed.checked ? true : undefined,
        disputeNote: optionalText(disputeNote),
        note: optionalText(note),
      };
      return input;
    },
    reset() {
      studyId = null;
      study.setText("");
      studyLine.textContent = "";
      for (const control of [
        quote,
        n,
        effectSize,
        effectSizeType,
        ciLow,
        ciHigh,
        pValue,
        timepoint,
        responseRate,
        remissionRate,
        disputeNote,
        note,
      ])
        control.value = "";
      disputed.checked = false;
      stance.value = "SUPPORTS";
    },
  };
}
