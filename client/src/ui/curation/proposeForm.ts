import {
  ApiError,
  type Api,
  type ClaimContextInput,
  type ClaimDetailFieldsFragment,
  type ProposeClaimInput,
  type Predicate,
  type PredicatesQuery,
} from "../../api/index.js";
import { h, replaceChildren } from "../dom.js";
import { createEntityPicker, type PickedEntity } from "../entityPicker.js";
import { apiIssues, errorView } from "../errorView.js";
import { createEntityListPicker } from "../entityListPicker.js";
import { PREDICATE_LABELS } from "../labels.js";
import { createEvidenceFields } from "./evidenceFields.js";
import {
  field,
  issueSummary,
  list,
  numberInput,
  optionalNumber,
  optionalText,
  select,
  showIssues,
  textInput,
  type FieldIssue,
} from "./formFields.js";
import { proposalIssues } from "./recordRules.js";

export interface ProposeFormEvents {
  /** Opens a claim, e.g. the existing one a CONFLICT names, to add the evidence there. */
  openClaim(id: string): void;
  /** The ends changed, e.g. so the app can update its "click a node" hint. */
  endsChanged(): void;
  proposed(claim: ClaimDetailFieldsFragment): void;
  cancel(): void;
}

type PredicateInfo = PredicatesQuery["predicates"][number];

/** What proposing needs of the API: the vocabulary, entity and study search, new studies, and the mutation. */
export type ProposeApi = Pick<Api, "predicates" | "proposeClaim" | "searchEntities" | "studySearch" | "createStudy" | "registerSource">;

const predicateCache = new WeakMap<ProposeApi, Promise<PredicateInfo[]>>();

/** The controlled predicate vocabulary with labels and signs, fetched once per API. */
function loadPredicates(api: ProposeApi): Promise<PredicateInfo[]> {
  const cached = predicateCache.get(api);
  if (cached) return cached;
  const loading = api.predicates({}).then((d) => d.predicates);
  loading.catch(() => predicateCache.delete(api));
  predicateCache.set(api, loading);
  return loading;
}

/**
 * Proposes a new claim (an edge): subject, predicate, object, context and one evidence item.
 * It goes in as PROPOSED and waits for a reviewer.
 */
export interface ProposeForm {
  readonly element: HTMLElement;
  /** Fills the next empty end (subject first, then object); false when both are set. */
  pick(entity: PickedEntity): boolean;
  /** Which end a node click fills next, or null when both are set. */
  nextPick(): "subject" | "object" | null;
}

export function createProposeForm(
  api: ProposeApi,
  initial: { subject: PickedEntity | null; object: PickedEntity | null },
  events: ProposeFormEvents,
): ProposeForm {
  const subject = createEntityPicker({ api, label: "Subject", testid: "propose-subject" });
  const object = createEntityPicker({ api, label: "Object", testid: "propose-object" });
  for (const [picker, name] of [
    [subject, "subject"],
    [object, "object"],
  ] as const) {
    const input = picker.element.querySelector("input");
    if (input) input.dataset["field"] = name;
  }
  subject.set(initial.subject);
  object.set(initial.object);
  subject.onChange(() => events.endsChanged());
  object.onChange(() => events.endsChanged());
  const predicate = select<Predicate>(
    "propose-predicate",
    (Object.keys(PREDICATE_LABELS) as Predicate[]).map((p) => ({ value: p, label: PREDICATE_LABELS[p] })),
    "ACTIVATES",
  );
  loadPredicates(api)
    .then((predicates) => {
      const chosen = predicate.value;
      replaceChildren(
        predicate,
        ...predicates.map((p) =>
          h(
            "option",
            { attrs: { value: p.predicate, selected: p.predicate === chosen, title: p.biolink } },
            `${p.label} (${p.sign.toLowerCase()})`,
          ),
        ),
      );
    })
    .catch(() => undefined); // the built-in labels remain

  // Regions are entities: picked with the same search as subject and object, brain regions only.
  const regions = createEntityListPicker({
    api,
    label: "Regions",
    testid: "propose-region",
    kinds: ["BRAIN_REGION"],
    placeholder: "Add a brain region…",
    field: "context.regions",
  });
  const species = textInput("propose-species", { placeholder: "human, rat, mouse" });
  const sex = textInput("propose-sex");
  const dose = textInput("propose-dose", { placeholder: "e.g. 0.5 mg/kg IV" });
  const onset = numberInput("propose-onset", { min: 0 });
  const peak = numberInput("propose-peak", { min: 0 });
  const end = numberInput("propose-end", { min: 0 });
  const contextNote = textInput("propose-context-note");
  const claimNote = textInput("propose-note", { placeholder: "Why this claim, for the reviewer" });
  const evidence = createEvidenceFields(api, "propose-evidence");
  const message = h("div", { class: "form-message", testid: "propose-message", attrs: { "aria-live": "polite" } });
  const submit = h("button", { class: "primary", testid: "propose-submit", attrs: { type: "submit" } }, "Propose claim");

  const form: HTMLFormElement = h(
    "form",
    { class: "curation-form", testid: "propose-form", on: { submit: (event) => void onSubmit(event) } },
    h("div", { class: "panel-kicker" }, "Curation"),
    h("h2", {}, "Propose an edge"),
    h("p", { class: "muted" }, "The claim is stored as proposed; a reviewer accepts or rejects it."),
    subject.element,
    field("Predicate", predicate, "predicate"),
    object.element,
    h(
      "fieldset",
      {},
      h("legend", {}, "Context"),
      regions.element,
      h(
        "div",
        { class: "grid-3" },
        field("Species", species, "context.species"),
        field("Sex", sex, "context.sex"),
        field("Dose", dose, "context.dose"),
      ),
      h(
        "div",
        { class: "grid-3" },
        field("Onset (h)", onset, "context.onsetHours"),
        field("Peak (h)", peak, "context.peakHours"),
        field("End (h)", end, "context.endHours"),
      ),
      field("Context note", contextNote, "context.note"),
    ),
    evidence.element,
    field("Note", claimNote, "note"),
    message,
    h(
      "div",
      { class: "actions" },
      submit,
      h("button", { testid: "propose-cancel", attrs: { type: "button" }, on: { click: () => events.cancel() } }, "Cancel"),
    ),
  );

  /** The claim as the API takes it, with everything the record rules find wrong in it. */
  function read(): { input: ProposeClaimInput; issues: FieldIssue[] } {
    const s = subject.value();
    const o = object.value();
    const context: ClaimContextInput = {
      regions: nonEmpty(regions.ids()),
      species: nonEmpty(list(species).map((x) => x.toLowerCase())),
      sex: optionalText(sex),
      dose: optionalText(dose),
      onsetHours: optionalNumber(onset, "Onset"),
      peakHours: optionalNumber(peak, "Peak"),
      endHours: optionalNumber(end, "End"),
      note: optionalText(contextNote),
    };
    const item = evidence.read("input.evidence[0]");
    const input: ProposeClaimInput = {
      subject: s?.id ?? "",
      predicate: predicate.value as Predicate,
      object: o?.id ?? "",
      context,
      evidence: [item.input],
      note: optionalText(claimNote),
    };
    const missing = [
      ...(s === null ? [{ field: "input.subject", message: "choose an entity (click a node, or search)" }] : []),
      ...(o === null ? [{ field: "input.object", message: "choose an entity (click a node, or search)" }] : []),
    ];
    // The evidence item's own reading (a study not chosen) replaces the generic rules for it.
    const rules = proposalIssues(input).filter(
      (issue) => !issue.field.startsWith("input.evidence[0]") && !(missing.length > 0 && /^input\.(subject|object)$/.test(issue.field)),
    );
    return { input, issues: [...missing, ...rules, ...item.issues] };
  }

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    showIssues(form, []);
    let input: ProposeClaimInput;
    try {
      const checked = read();
      // The server's record rules, applied here first: every problem at its field, nothing sent.
      if (checked.issues.length > 0) {
        replaceChildren(message, issueSummary("Fix these before proposing:", showIssues(form, checked.issues)));
        return;
      }
      input = checked.input;
    } catch (error) {
      replaceChildren(message, errorView(error));
      return;
    }
    submit.disabled = true;
    replaceChildren(message, "Sending…");
    try {
      const data = await api.proposeClaim({ input });
      const claim = data.proposeClaim;
      replaceChildren(message, h("div", { class: "success" }, `Proposed ${claim.id}.`));
      events.proposed(claim);
    } catch (error) {
      showIssues(form, apiIssues(error));
      const existing =
        error instanceof ApiError ? error.errors.find((e) => e.code === "CONFLICT")?.extensions["existingClaimId"] : undefined;
      replaceChildren(
        message,
        errorView(error, "The claim was not proposed"),
        typeof existing === "string"
          ? h(
              "button",
              { testid: "open-existing-claim", attrs: { type: "button" }, on: { click: () => events.openClaim(existing) } },
              "Open the existing claim to add this evidence there",
            )
          : null,
      );
    } finally {
      submit.disabled = false;
    }
  }

  return {
    element: form,
    pick(entity) {
      if (subject.value() === null) subject.set(entity);
      else if (object.value() === null) object.set(entity);
      else return false;
      events.endsChanged();
      return true;
    },
    nextPick() {
      if (subject.value() === null) return "subject";
      if (object.value() === null) return "object";
      return null;
    },
  };
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}
