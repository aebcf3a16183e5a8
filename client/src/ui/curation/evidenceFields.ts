import type { Api, EvidenceInput, Stance, StudySearchQuery } from "../../api/index.js";
import { createAutocomplete } from "../autocomplete.js";
import { h } from "../dom.js";
import { STANCE_LABELS, STUDY_DESIGN_LABELS } from "../labels.js";
import { field, numberInput, optionalNumber, optionalText, select, textInput, type FieldIssue } from "./formFields.js";
import { evidenceIssues } from "./recordRules.js";
import { createStudyForm } from "./studyForm.js";

type StudyHit = StudySearchQuery["studies"][number];

export interface EvidenceFields {
  readonly element: HTMLElement;
  /**
   * The evidence as the API takes it, with what the record rules find wrong in it; `prefix`
   * is where the item sits in the request (`input.evidence[0]`, `evidence`).
   */
  read(prefix: string): { input: EvidenceInput; issues: FieldIssue[] };
  reset(): void;
}

/**
 * The fields of one evidence item: the study (searched by author, title, year, PMID or DOI),
 * or added as a new one, the stance, the verbatim quote, and the numbers the source gives.
 * Each control's `data-field` is `evidence.` and its EvidenceInput field, so issues that
 * name a field mark it.
 */
export function createEvidenceFields(
  api: Pick<Api, "studySearch" | "createStudy" | "registerSource">,
  testidPrefix: string,
): EvidenceFields {
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
  study.input.dataset["field"] = "evidence.studyId";
  const studyForm = createStudyForm(api, `${testidPrefix}-new-study`, (created) => {
    studyId = created.id;
    study.setText(created.citation);
    studyLine.textContent = created.id;
  });
  const newStudy = h(
    "button",
    { class: "link", testid: `${testidPrefix}-new-study-open`, attrs: { type: "button" }, on: { click: () => studyForm.open() } },
    "Not listed? Add a new study",
  );

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
  disputed.dataset["field"] = "evidence.disputed";
  const element = h(
    "fieldset",
    { class: "evidence-fields" },
    h("legend", {}, "Evidence"),
    studyField,
    newStudy,
    studyForm.element,
    field("Stance", stance, "evidence.stance"),
    field("Quote", quote, "evidence.quote", "Verbatim, as the source words it."),
    h(
      "div",
      { class: "grid-3" },
      field("n", n, "evidence.n"),
      field("Effect size", effectSize, "evidence.effectSize"),
      field("Effect type", effectSizeType, "evidence.effectSizeType"),
      field("CI low", ciLow, "evidence.ciLow"),
      field("CI high", ciHigh, "evidence.ciHigh"),
      field("p value", pValue, "evidence.pValue"),
      field("Timepoint", timepoint, "evidence.timepoint"),
      field("Response rate", responseRate, "evidence.responseRate"),
      field("Remission rate", remissionRate, "evidence.remissionRate"),
    ),
    h("label", { class: "check" }, disputed, " The source misstates this study"),
    field("Dispute note", disputeNote, "evidence.disputeNote"),
    field("Note", note, "evidence.note"),
  );

  return {
    element,
    read(prefix) {
      const typed = study.input.value.trim();
      const id = studyId ?? (/^study:\S+$/.test(typed) ? typed : null);
      // Empty optional fields stay undefined, which JSON leaves out of the request.
      const input: EvidenceInput = {
        studyId: id ?? "",
        stance: stance.value as Stance,
        quote: quote.value.trim(),
        n: optionalNumber(n, "evidence.n", true),
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
      const issues = evidenceIssues(input, prefix).filter((issue) => id !== null || !issue.field.endsWith(".studyId"));
      const missing = { field: `${prefix}.studyId`, message: "choose a study from the suggestions, or add a new one" };
      return { input, issues: id === null ? [missing, ...issues] : issues };
    },
    reset() {
      studyId = null;
      studyForm.close();
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
