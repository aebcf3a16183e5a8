import type { DoseResolvers } from "../resolvers.generated.js";
import { toPublicEnum } from "../enums.js";
import { rangeEnds } from "../../domain/records/index.js";

export const Dose: DoseResolvers = {
  low: (dose) => rangeEnds(dose.value)?.low ?? null,
  high: (dose) => rangeEnds(dose.value)?.high ?? null,
  route: (dose) => (dose.route ? toPublicEnum(dose.route) : null),
  regimen: (dose) => (dose.regimen ? toPublicEnum(dose.regimen) : null),
  form: (dose) => (dose.form ? toPublicEnum(dose.form) : null),
};
