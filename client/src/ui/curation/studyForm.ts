import type { Api, SourceInput, StudyDesign, StudyFieldsFragment, StudyInput } from "../../api/index.js";
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
import { sourceIssues, studyIssues } from "./recordRules.js";

export interface StudyForm {
  readonly element: HTMLElement;
  open(): void;
  close(): void;
}

/** Issues as this form names its fields: `input.year` of the study is `study.year`, `input.text` of the source `source.text`. */
const inForm = (issues: readonly FieldIssue[], record: "study" | "source" = "study"): FieldIssue[] =>
  issues.map((issue) => ({ ...issue, field: issue.field.replace(/^input\./, `${record}.`) }));

/** The source id registered beside a study: `study:smith-2020` gives `source:smith-2020`. */
const sourceIdFor = (studyId: string) => `source:${studyId.replace(/^[^:]*:/, "")}`;

/**
 * Adds a new study (`createStudy`) from inside an evidence item, for a source not in the
 * graph yet: the record rules are applied before sending, and the created study becomes the
 * item's study. Its source text (an abstract, a results paragraph), when pasted, is registered
 * with it (`registerSource`); a reviewer approves it before quotes from it count. It is a fieldset, not a form, as it sits inside the claim's form; Enter in
 * it adds the study instead of sending the claim.
 */
export function createStudyForm(
  api: Pick<Api, "createStudy" | "registerSource">,
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
  const sourceText = h("textarea", {
    testid: t("source-text"),
    attrs: { rows: 4, placeholder: "The abstract or results text quotes come from" },
  });
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
    field("Source text", sourceText, "source.text", "Optional: registered as proposed; quotes from it count once a reviewer approves it"),
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
    const text = sourceText.value;
    const source: SourceInput | null =
      text.trim() === ""
        ? null
        : { id: sourceIdFor(String(input.id)), title: input.title ?? `Source text of ${input.id}`, studyId: input.id, text };
    const issues = [...inForm(studyIssues(input)), ...(source ? inForm(sourceIssues(source), "source") : [])];
    if (issues.length > 0) {
      replaceChildren(message, issueSummary("The study was not added:", showIssues(element, issues)));
      return;
    }
    submit.disabled = true;
    replaceChildren(message, "Adding…");
    try {
      const { createStudy } = await api.createStudy({ input });
      for (const control of [id, authors, year, title, journal, pmid, doi, species, n]) control.value = "";
      created(createStudy);
      if (source) {
        try {
          const { registerSource } = await api.registerSource({ input: source });
          sourceText.value = "";
          replaceChildren(
            message,
            h(
              "div",
              { class: "success", testid: t("source-registered"), attrs: { "data-source-id": registerSource.id } },
              `Study added. Its source text is registered as ${registerSource.id} (${registerSource.status.toLowerCase()}): quotes from it count once a reviewer approves it.`,
            ),
          );
        } catch (error) {
          showIssues(element, inForm(apiIssues(error), "source"));
          replaceChildren(message, errorView(error, "The study was added; its source text was not registered"));
        }
        return;
      }
      replaceChildren(message);
      element.hidden = true;
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
