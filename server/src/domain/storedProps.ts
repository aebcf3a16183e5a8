import { formatCitation } from "./citation.js";
import { claimTripleKey } from "./claimIdentity.js";
import type { ClaimProposal, EntityFields, EvidenceFields, StudyFields } from "./curation.js";
import type { ArmData, DoseData } from "./records/index.js";
import { normalizeQuote, type QuoteLocation } from "./quoteText.js";
import type { ClaimStatus, SourceStatus } from "./vocabulary.js";

/**
 * The properties stored for records, including the search fields derived from them (the
 * seed loader and curation store records the same way). Neo4j properties hold primitives and
 * lists of primitives only, so structured values are flattened: a dose into dose* fields, a
 * value-or-range into *Low/*High, study arms into JSON beside flat lists for filtering. Every
 * field of the record is present, null when empty, so `SET n += props` also clears what an
 * update or a revert empties.
 */

type Props = Record<string, unknown>;

const withNulls = (record: Record<string, unknown>): Props =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value ?? null]));

const low = (v: number | readonly [number, number] | undefined | null) => (v == null ? null : typeof v === "number" ? v : v[0]);
const high = (v: number | readonly [number, number] | undefined | null) => (v == null ? null : typeof v === "number" ? v : v[1]);
/** A value back from its stored ends: a number when they agree, else a range. */
export function fromEnds(lo: unknown, hi: unknown): number | [number, number] | undefined {
  if (typeof lo !== "number") return undefined;
  return typeof hi !== "number" || hi === lo ? lo : [lo, hi];
}

export function entityProps(entity: Omit<EntityFields, "synonyms"> & { synonyms?: string[] | null }): Props {
  const synonyms = entity.synonyms ?? [];
  return withNulls({ ...entity, synonyms, synonymsText: synonyms.join(" | ") });
}

/**
 * One dose as a string the filters can take apart in Cypher: "unit|route|form|low|high"
 * (empty parts where unknown). A list of these per study and per claim lets one condition
 * ask that unit, route and value hold for the same dose.
 */
export function doseKey(dose: DoseData): string {
  return [dose.unit ?? "", dose.route ?? "", dose.form ?? "", low(dose.value) ?? "", high(dose.value) ?? ""].join("|");
}

export function studyProps(study: StudyFields): Props {
  const { arms, ...fields } = study;
  const list = arms ?? [];
  return withNulls({
    ...fields,
    verified: study.verified,
    armsJson: arms === undefined || arms === null ? null : JSON.stringify(arms),
    armRoles: [...new Set(list.map((arm) => arm.role))].sort(),
    armDoseKeys: list.flatMap((arm) => (arm.dose ? [doseKey(arm.dose)] : [])),
    citation: formatCitation(study),
    authorsText: study.authors.join(", "),
    yearText: study.year?.toString(),
  });
}

/** A study's arms from its stored properties. */
export function armsOf(props: Props): ArmData[] | null {
  return typeof props.armsJson === "string" ? (JSON.parse(props.armsJson) as ArmData[]) : null;
}

/** A claim's own properties; strength and the other derived values are added from its stored evidence. */
export function claimProps(id: string, status: ClaimStatus, claim: ClaimProposal & { note?: string | null }): Props {
  const { regions, species, ...context } = claim.context;
  return withNulls({
    id,
    predicate: claim.predicate,
    status,
    tripleKey: claimTripleKey(claim),
    regionIds: regions,
    species,
    ...context,
    // The claim's own caveat, apart from the context's note.
    claimNote: claim.note,
  });
}

function doseProps(dose: DoseData | undefined): Props {
  return {
    doseText: dose?.text,
    doseLow: low(dose?.value),
    doseHigh: high(dose?.value),
    doseUnit: dose?.unit,
    doseRoute: dose?.route,
    doseRegimen: dose?.regimen,
    doseCount: dose?.count,
    doseIntervalHours: dose?.intervalHours,
    doseForm: dose?.form,
    doseKey: dose ? doseKey(dose) : null,
  };
}

/** A dose back from the dose* properties of a node, or null. */
export function doseOf(p: Props, prefix = "dose"): DoseData | null {
  const text = p[`${prefix}Text`];
  if (typeof text !== "string") return null;
  const get = <T>(k: string) => (p[`${prefix}${k}`] ?? undefined) as T | undefined;
  const dose: Record<string, unknown> = {
    text,
    value: fromEnds(p[`${prefix}Low`], p[`${prefix}High`]),
    unit: get("Unit"),
    route: get("Route"),
    regimen: get("Regimen"),
    count: get("Count"),
    intervalHours: get("IntervalHours"),
    form: get("Form"),
  };
  return Object.fromEntries(Object.entries(dose).filter(([, v]) => v !== undefined)) as DoseData;
}

/** Where the evidence's quote was found: the source and the character offsets in its text. */
export interface QuoteAnchor {
  sourceId: string;
  location: QuoteLocation;
}

export function evidenceProps(id: string, evidence: EvidenceFields, anchor: QuoteAnchor | null = null): Props {
  const { study: _study, source: _source, dose, timepointHours, exposureHours, ...fields } = evidence;
  return withNulls({
    id,
    ...fields,
    // The comparator matters only beside a p-value; "=" unless the source says otherwise.
    pComparator: evidence.pValue === undefined ? null : (evidence.pComparator ?? "="),
    timepointLow: low(timepointHours),
    timepointHigh: high(timepointHours),
    exposureLow: low(exposureHours),
    exposureHigh: high(exposureHours),
    ...doseProps(dose),
    sourceId: anchor?.sourceId,
    quoteOffset: anchor?.location.offset,
    quoteEnd: anchor?.location.end,
  });
}

/**
 * A source text as stored, whichever way it arrives (a seed piece, a KGX import, a curator):
 * its fields, the study it belongs to as `studyId`, a line range as a list, and beside the text
 * the normalised form that quote look-ups search.
 */
export function sourceProps(
  source: { study?: string | null; lines?: readonly [number, number] | null; text: string } & Props,
  status: SourceStatus,
): Props {
  const { study, lines, text, ...fields } = source;
  return { ...fields, studyId: study ?? null, lines: lines ? [...lines] : null, text, normText: normalizeQuote(text), status };
}
