import { z } from "zod";
import {
  ARM_ROLES,
  CLAIM_STATUSES,
  DOSE_FORMS,
  DOSE_UNITS,
  ENTITY_KINDS,
  PREDICATE_NAMES,
  ROUTES,
  SOURCE_STATUSES,
  STANCES,
  STUDY_DESIGNS,
} from "../../domain/vocabulary.js";
import { oneOf } from "../../domain/records/index.js";
import type { ClaimFilter } from "../../db/claimFilter.js";
import { MAX_SUBGRAPH_CLAIMS } from "../../db/repositories/graphRepository.js";
import { publicEnum } from "../enums.js";

/** Argument schemas for the read API: bounds here are what keeps every traversal bounded. */

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const count = (max: number, fallback: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`)
    .nullish()
    .transform((v) => v ?? fallback);

const hoursWindow = z
  .object({ fromHours: z.number().min(0, "must not be negative"), toHours: z.number().min(0, "must not be negative") })
  .refine((w) => w.fromHours <= w.toHours, { message: "fromHours must not be after toHours", path: ["fromHours"] });

const doseValue = z.number().min(0, "must not be negative");
const doseFilter = z
  .object({
    unit: oneOf(DOSE_UNITS).nullish(),
    min: doseValue.nullish(),
    max: doseValue.nullish(),
    route: publicEnum(ROUTES).nullish(),
    form: publicEnum(DOSE_FORMS).nullish(),
  })
  .refine((d) => d.min == null || d.max == null || d.min <= d.max, { message: "must not be above max", path: ["min"] })
  .refine((d) => (d.min == null && d.max == null) || d.unit != null, {
    message: "a dose value needs its unit: values in different units do not compare",
    path: ["unit"],
  })
  .transform((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v != null)) as NonNullable<ClaimFilter["dose"]>);

const claimFilter = z
  .object({
    species: z.array(z.string().trim().min(1)).max(20).nullish(),
    minStrength: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").nullish(),
    designs: z.array(publicEnum(STUDY_DESIGNS)).nullish(),
    predicates: z.array(publicEnum(PREDICATE_NAMES)).nullish(),
    regions: z.array(id).max(50).nullish(),
    statuses: z.array(publicEnum(CLAIM_STATUSES)).min(1, "must name at least one status").nullish(),
    timeWindow: hoursWindow.nullish(),
    dose: doseFilter.nullish(),
    measuredAt: hoursWindow.nullish(),
  })
  .nullish()
  .transform((f): ClaimFilter => ({
    statuses: f?.statuses ?? ["accepted"],
    ...(f?.minStrength != null && { minStrength: f.minStrength }),
    ...(f?.species && { species: f.species }),
    ...(f?.designs && { designs: f.designs }),
    ...(f?.predicates && { predicates: f.predicates }),
    ...(f?.regions && { regions: f.regions }),
    ...(f?.timeWindow && { timeWindow: f.timeWindow }),
    ...(f?.dose && { dose: f.dose }),
    ...(f?.measuredAt && { measuredAt: f.measuredAt }),
  }));

/** Claim hops a neighbourhood or cascade may take: 1 to 3, `fallback` when not given. */
const traversalDepth = (fallback: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(1, "must be 1, 2 or 3")
    .max(3, "must be 1, 2 or 3")
    .nullish()
    .transform((v) => v ?? fallback);

export const searchArgs = z.object({
  text: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  first: count(50, 10),
  kinds: z.array(publicEnum(ENTITY_KINDS)).nullish(),
});
export const idArgs = z.object({ id });
/** A validated study filter, in the server's vocabulary; see StudyRepository.search. */
export interface StudyFilter {
  designs?: (typeof STUDY_DESIGNS)[number][];
  species?: string[];
  route?: (typeof ROUTES)[number];
  doseUnit?: (typeof DOSE_UNITS)[number];
  doseMin?: number;
  doseMax?: number;
  comparatorRole?: (typeof ARM_ROLES)[number];
}

const studyFilter = z
  .object({
    designs: z.array(publicEnum(STUDY_DESIGNS)).max(20).nullish(),
    species: z.array(z.string().trim().min(1).max(100)).max(20).nullish(),
    route: publicEnum(ROUTES).nullish(),
    doseUnit: oneOf(DOSE_UNITS).nullish(),
    doseMin: doseValue.nullish(),
    doseMax: doseValue.nullish(),
    comparatorRole: publicEnum(ARM_ROLES).nullish(),
  })
  .refine((f) => f.doseMin == null || f.doseMax == null || f.doseMin <= f.doseMax, {
    message: "must not be above doseMax",
    path: ["doseMin"],
  })
  .refine((f) => (f.doseMin == null && f.doseMax == null) || f.doseUnit != null, {
    message: "a dose value needs its unit: values in different units do not compare",
    path: ["doseUnit"],
  })
  .nullish()
  .transform((f) => (f ? (Object.fromEntries(Object.entries(f).filter(([, v]) => v != null)) as StudyFilter) : null));

export const studiesArgs = z.object({ text: z.string().trim().max(200).nullish(), first: count(200, 20), filter: studyFilter });
export const neighborhoodArgs = z.object({
  ids: z.array(id).min(1, "must name at least one entity").max(50, "must name at most 50 entities"),
  depth: traversalDepth(1),
  filter: claimFilter,
  limit: count(MAX_SUBGRAPH_CLAIMS, 500),
});
export const cascadeArgs = z.object({
  id,
  direction: z
    .enum(["UPSTREAM", "DOWNSTREAM"])
    .nullish()
    .transform((v) => v ?? "DOWNSTREAM"),
  depth: traversalDepth(3),
  filter: claimFilter,
  limit: count(MAX_SUBGRAPH_CLAIMS, 500),
});
/** `paths` keeps its original bound; `mechanisms` reaches the 11 steps from a drug to an outcome and then some. */
export const MAX_PATH_HOPS = 10;
export const MAX_MECHANISM_HOPS = 16;
const hops = (max: number, fallback: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(1, `must be 1 to ${max}`)
    .max(max, `must be 1 to ${max}`)
    .nullish()
    .transform((v) => v ?? fallback);
const SIGNS = { POSITIVE: 1, NEGATIVE: -1, NEUTRAL: 0 } as const;
const chainSign = z
  .enum(["POSITIVE", "NEGATIVE", "NEUTRAL"])
  .nullish()
  .transform((v) => (v ? SIGNS[v] : null));
const causalOnly = z
  .boolean()
  .nullish()
  .transform((v) => v ?? true);

export const pathsArgs = z.object({
  from: id,
  to: id,
  maxHops: hops(MAX_PATH_HOPS, 4),
  first: count(50, 5),
  through: id.nullish().transform((v) => v ?? null),
  filter: claimFilter,
  causalOnly,
  sign: chainSign,
});
export const mechanismsArgs = z.object({
  from: id,
  to: id.nullish().transform((v) => v ?? null),
  toKinds: z
    .array(publicEnum(ENTITY_KINDS))
    .min(1, "must name at least one kind")
    .nullish()
    .transform((v) => v ?? ["outcome" as const]),
  maxHops: hops(MAX_MECHANISM_HOPS, 12),
  first: count(200, 10),
  causalOnly,
  sign: chainSign,
  filter: claimFilter,
});
export const activeAtArgs = z.object({
  hours: z
    .number()
    .min(0, "must not be negative")
    .max(24 * 365 * 5, "must be at most five years in hours"),
  filter: claimFilter,
  first: count(1000, 200),
});
export const firstArgs = (max: number, fallback: number) => z.object({ first: count(max, fallback) });
export const entityClaimsArgs = z.object({
  direction: z
    .enum(["OUTGOING", "INCOMING", "BOTH"])
    .nullish()
    .transform((v) => v ?? "BOTH"),
  first: count(100, 20),
  after: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  filter: claimFilter,
});
export const studyClaimsArgs = z.object({
  stance: publicEnum(STANCES)
    .nullish()
    .transform((v) => v ?? null),
  first: count(100, 20),
  after: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});
export const timelineArgs = z.object({ filter: claimFilter });
export { claimFilter };

export const sourcesArgs = z.object({
  statuses: z
    .array(publicEnum(SOURCE_STATUSES))
    .min(1, "must name at least one status")
    .nullish()
    .transform((v) => v ?? ["approved" as const]),
  first: count(200, 50),
});
