import type { ClaimContextInput, EvidenceInput, ProposeClaimInput, SourceInput, StudyInput } from "../../api/generated/graphql.js";

/**
 * The server's record rules (server/src/graphql/validation/mutationArgs.ts), applied in the
 * form before anything is sent, so a curator sees every problem at once, at its field. The
 * server checks again; `recordRules.test.ts` keeps the two in agreement. Each issue names its
 * field as the API does (`input.evidence[0].ciLow`), so the form marks both the same way.
 */
export interface RecordIssue {
  field: string;
  message: string;
}

// Shapes of identifiers, as server/src/domain/identifiers.ts has them.
const CURIE = /^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$/;
const PMID = /^[1-9][0-9]{0,8}$/;
const DOI = /^10\.\d{4,9}\/\S+$/;
const MAX_HOURS = 24 * 365 * 5;

function collector(prefix: string) {
  const issues: RecordIssue[] = [];
  const at = (name: string) => (prefix === "" ? name : `${prefix}.${name}`);
  return {
    issues,
    add(name: string, message: string): void {
      issues.push({ field: at(name), message });
    },
  };
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

function textRules(
  add: (name: string, message: string) => void,
  name: string,
  value: string | null | undefined,
  max: number,
  required = false,
) {
  if (!present(value)) {
    if (required) add(name, "must not be empty");
    return;
  }
  const trimmed = value.trim();
  if (trimmed === "") add(name, "must not be empty");
  else if (trimmed.length > max) add(name, `must be at most ${max} characters`);
}

function positiveInt(add: (name: string, message: string) => void, name: string, value: number | null | undefined) {
  if (!present(value)) return;
  if (!Number.isInteger(value)) add(name, "must be a whole number");
  else if (value <= 0) add(name, "must be greater than 0");
}

function fraction(add: (name: string, message: string) => void, name: string, value: number | null | undefined) {
  if (present(value) && (value < 0 || value > 1)) add(name, "must be between 0 and 1");
}

function curie(add: (name: string, message: string) => void, name: string, value: string | number | null | undefined) {
  if (!present(value)) return;
  const text = String(value);
  if (!CURIE.test(text)) add(name, "must be a CURIE such as CHEBI:6121 or mg:glutamate-surge");
  else if (text.length > 200) add(name, "must be at most 200 characters");
}

/** One evidence item; `prefix` is where it sits in the request (`input.evidence[0]`, `evidence`). */
export function evidenceIssues(evidence: EvidenceInput, prefix: string): RecordIssue[] {
  const { issues, add } = collector(prefix);
  curie(add, "studyId", evidence.studyId);
  textRules(add, "quote", evidence.quote, 2000, true);
  positiveInt(add, "n", evidence.n);
  textRules(add, "effectSizeType", evidence.effectSizeType, 100);
  fraction(add, "pValue", evidence.pValue);
  textRules(add, "timepoint", evidence.timepoint, 200);
  fraction(add, "responseRate", evidence.responseRate);
  fraction(add, "remissionRate", evidence.remissionRate);
  textRules(add, "disputeNote", evidence.disputeNote, 2000);
  textRules(add, "note", evidence.note, 2000);
  const { ciLow, ciHigh, effectSize } = evidence;
  if (present(ciLow) && present(ciHigh) && ciLow > ciHigh) add("ciLow", "must not be above ciHigh");
  if (present(effectSize) && ((present(ciLow) && ciLow > effectSize) || (present(ciHigh) && effectSize > ciHigh))) {
    add("effectSize", "must lie within [ciLow, ciHigh]");
  }
  if (evidence.disputed === true && !present(evidence.disputeNote)) {
    add("disputeNote", "disputed evidence needs a disputeNote saying what differs and where that was checked");
  }
  return issues;
}

/** A claim's context: regions, species and the effect window (onset ≤ peak ≤ end, in hours). */
export function contextIssues(context: ClaimContextInput, prefix: string): RecordIssue[] {
  const { issues, add } = collector(prefix);
  if (present(context.regions)) {
    if (context.regions.length > 20) add("regions", "must name at most 20 regions");
    context.regions.forEach((region, i) => curie(add, `regions[${i}]`, region));
  }
  if (present(context.species)) {
    if (context.species.length > 20) add("species", "must name at most 20 species");
    context.species.forEach((species, i) => textRules(add, `species[${i}]`, species, 50, true));
  }
  textRules(add, "sex", context.sex, 100);
  textRules(add, "dose", context.dose, 300);
  for (const name of ["onsetHours", "peakHours", "endHours"] as const) {
    const value = context[name];
    if (!present(value)) continue;
    if (value < 0) add(name, "must not be negative");
    else if (value > MAX_HOURS) add(name, "must be at most five years in hours");
  }
  textRules(add, "note", context.note, 2000);
  const { onsetHours: onset, peakHours: peak, endHours: end } = context;
  if (present(onset) && present(end) && onset > end) add("onsetHours", "must not be after endHours");
  if (present(peak) && ((present(onset) && onset > peak) || (present(end) && peak > end))) {
    add("peakHours", "must lie between onsetHours and endHours");
  }
  return issues;
}

/** A whole proposal, as `proposeClaim(input:)` takes it. */
export function proposalIssues(input: ProposeClaimInput): RecordIssue[] {
  const { issues, add } = collector("input");
  curie(add, "subject", input.subject);
  curie(add, "object", input.object);
  if (present(input.context)) issues.push(...contextIssues(input.context, "input.context"));
  if (input.evidence.length === 0) add("evidence", "must hold at least one evidence item");
  if (input.evidence.length > 50) add("evidence", "must hold at most 50 evidence items");
  input.evidence.forEach((item, i) => issues.push(...evidenceIssues(item, `input.evidence[${i}]`)));
  textRules(add, "note", input.note, 2000);
  if (String(input.subject) === String(input.object)) add("object", "must differ from subject");
  return issues;
}

/** A new study, as `createStudy(input:)` takes it. */
export function studyIssues(input: StudyInput): RecordIssue[] {
  const { issues, add } = collector("input");
  curie(add, "id", input.id);
  if (input.authors.length === 0) add("authors", "must name at least one author");
  else if (input.authors.length > 100) add("authors", "must name at most 100 authors");
  input.authors.forEach((author, i) => textRules(add, `authors[${i}]`, author, 200, true));
  positiveInt(add, "refNumber", input.refNumber);
  if (present(input.year)) {
    if (!Number.isInteger(input.year)) add("year", "must be a whole number");
    else if (input.year < 1900 || input.year > 2100) add("year", "must be 1900 to 2100");
  }
  textRules(add, "title", input.title, 1000);
  textRules(add, "journal", input.journal, 300);
  if (present(input.pmid) && !PMID.test(input.pmid)) add("pmid", "must be a PubMed id: 1 to 9 digits, e.g. 20724638");
  if (present(input.doi) && !DOI.test(input.doi)) add("doi", "must be a DOI starting with 10., e.g. 10.1126/science.1190287");
  textRules(add, "species", input.species, 100);
  textRules(add, "sex", input.sex, 100);
  positiveInt(add, "n", input.n);
  textRules(add, "population", input.population, 1000);
  textRules(add, "dose", input.dose, 300);
  textRules(add, "route", input.route, 100);
  textRules(add, "schedule", input.schedule, 300);
  textRules(add, "idSource", input.idSource, 2000);
  return issues;
}

/** The longest source text the API registers (server/src/domain/records/source.ts). */
const SOURCE_TEXT_MAX = 200_000;

/** A source text to register, as `registerSource(input:)` takes it. */
export function sourceIssues(input: SourceInput): RecordIssue[] {
  const { issues, add } = collector("input");
  curie(add, "id", input.id);
  textRules(add, "title", input.title, 1000, true);
  if (present(input.studyId)) curie(add, "studyId", input.studyId);
  textRules(add, "citation", input.citation, 1000);
  if (input.text.length > SOURCE_TEXT_MAX) add("text", `must be at most ${SOURCE_TEXT_MAX} characters`);
  else if (input.text.trim() === "") add("text", "must not be empty");
  textRules(add, "note", input.note, 2000);
  if (!present(input.studyId) && !present(input.citation)) add("studyId", "name the study the text belongs to, or give a citation");
  return issues;
}
