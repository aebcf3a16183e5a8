import type { Api, StudyDesign, StudyFieldsFragment, StudyInput } from "../../api/index.js";
import { h, replaceChildren } from "../dom.js";
import { errorView, apiIssues } from "../errorView.js";
import { STUDY_DESIGN_LABELS } from "../labels.js";
import {
  field,
  issueSummary,
  numberInput,
  optionalNumber,
  optionalText,
  select,
  showIssues,
  textInput,
  type FieldIssue,
} from "./formFields.js";
import { studyIssues } from "./recordRules.js";

export interface StudyForm {
  readonly element: HTMLElement;
  open(): void;
  close(): void;
}

/** A study's issues as this form names its fields (`input.year` is the control `study.year`). */
const inForm = (issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((issue) => ({ ...issue, field: issue.field.replace(/^input\./, "study.") }));

/**
 * Adds a new study (`createStudy`) from inside an evidence item, for a source not in the
 * graph yet: the record rules are applied before sending, and the created study becomes the
 * item's study. It is a fieldset, not a form, as it sits inside the claim's form; Enter in
 * it adds the study instead of sending the claim.
 */
export function createStudyForm(
  api: Pick<Api, "createStudy">,
  testidPrefix: string,
  created: (study: StudyFieldsFragment) => void,
): StudyForm {
  const t = (name: string) => `${testidPrefix}-${name}`;
  const id = textInput(t("id"), { placeholder: "study:surname-2024" });
  const authors = textInput(t("authors"), { placeholder: "Surname AB; Other CD" });
  const year = numberInput(t("year"), { min: 1900, max: 2100, step: 1 });
  const title = textInput(t("title"));
  const journal = textInput(t("journal"));
  const pmid = textInput(t("pmid"), { placeholder: "e.g. 20724638" });
  const doi = textInput(t("doi"), { placeholder: "10.xxxx/…" });
  const design = select<StudyDesign>(
    t("design"),
    (Object.keys(STUDY_DESIGN_LABELS) as StudyDesign[]).map((d) => ({ value: d, label: STUDY_DESIGN_LABELS[d] })),
    "RCT",
  );
  const species = textInput(t("species"), { placeholder: "human, rat, mouse" });
  const n = numberInput(t("n"), { min: 1, step: 1 });
  const message = h("div", { class: "form-message", testid: t("message"), attrs: { "aria-live": "polite" } });
  const submit = h("button", { class: "primary", testid: t("submit"), attrs: { type: "button" } }, "Add study");
  const cancel = h("button", { testid: t("cancel"), attrs: { type: "button" } }, "Cancel");

  const element = h(
    "fieldset",
    { class: "study-form", testid: t("form"), attrs: { hidden: true } },
    h("legend", {}, "New study"),
    field("Study id", id, "study.id", "A CURIE: study: with the first author's surname and the year"),
    field("Authors", authors, "study.authors", "Separated by semicolons, as cited"),
    h("div", { class: "grid-3" }, field("Year", year, "study.year"), field("Design", design, "study.design"), field("n", n, "study.n")),
    field("Title", title, "study.title"),
    field("Journal", journal, "study.journal"),
    h(
      "div",
      { class: "grid-3" },
      field("PMID", pmid, "study.pmid"),
      field("DOI", doi, "study.doi"),
      field("Species", species, "study.species"),
    ),
    message,
    h("div", { class: "actions" }, submit, cancel),
  );

  function read(): StudyInput {
    return {
      id: id.value.trim(),
      authors: authors.value
        .split(";")
        .map((a) => a.trim())
        .filter((a) => a !== ""),
      design: design.value as StudyDesign,
      year: optionalNumber(year, "Year"),
      title: optionalText(title),
      journal: optionalText(journal),
      pmid: optionalText(pmid),
      doi: optionalText(doi),
      species: optionalText(species)?.toLowerCase(),
      n: optionalNumber(n, "n"),
    };
  }

  async function add(): Promise<void> {
    showIssues(element, []);
    replaceChildren(message);
    const input = read();
    const issues = inForm(studyIssues(input));
    if (issues.length > 0) {
      replaceChildren(message, issueSummary("The study was not added:", showIssues(element, issues)));
      return;
    }
    submit.disabled = true;
    replaceChildren(message, "Adding…");
    try {
      const { createStudy } = await api.createStudy({ input });
      replaceChildren(message);
      for (const control of [id, authors, year, title, journal, pmid, doi, species, n]) control.value = "";
      element.hidden = true;
      created(createStudy);
    } catch (error) {
      showIssues(element, inForm(apiIssues(error)));
      replaceChildren(message, errorView(error, "The study was not added"));
    } finally {
      submit.disabled = false;
    }
  }

  submit.addEventListener("click", () => void add());
  cancel.addEventListener("click", () => (element.hidden = true));
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    void add();
  });

  return {
    element,
    open() {
      element.hidden = false;
      id.focus();
    },
    close() {
      element.hidden = true;
    },
  };
}
