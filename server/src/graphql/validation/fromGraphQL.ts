/**
 * Turns GraphQL input into the record model's shape, so the mutations validate with the
 * same schemas as the seed files and a bulk import: vocabulary enums go from UPPER_SNAKE to
 * lower_snake, `studyId` becomes `study` (and so on, see RENAMED), a one-element list for a
 * value-or-range becomes the number, and nulls are dropped (an omitted field and a null
 * mean the same in a new record). `keepTopNulls` keeps nulls at the top level, where a
 * patch uses them to clear a field.
 */

/** Input fields whose values are GraphQL enums of a vocabulary. */
const ENUM_FIELDS = new Set(["kind", "design", "stance", "predicate", "assertionKind", "role", "route", "regimen", "form", "status"]);

/** GraphQL argument names that differ from the record model's. */
const RENAMED: Record<string, string> = { studyId: "study", sourceId: "source", interventionId: "intervention" };

/** Fields that take one number or a range: GraphQL sends a list of one or two, the record model a number or a pair. */
const VALUE_OR_RANGE = new Set(["value", "timepointHours", "exposureHours"]);
const RENAMED_BACK: Record<string, string> = Object.fromEntries(Object.entries(RENAMED).map(([api, record]) => [record, api]));

export function fromGraphQL(value: unknown, keepTopNulls = false): unknown {
  if (Array.isArray(value)) return value.map((item) => fromGraphQL(item));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null && !keepTopNulls) continue;
    const name = RENAMED[key] ?? key;
    if (ENUM_FIELDS.has(key) && typeof field === "string") out[name] = field.toLowerCase();
    else if (VALUE_OR_RANGE.has(key) && Array.isArray(field) && field.length === 1) out[name] = field[0];
    else out[name] = fromGraphQL(field);
  }
  return out;
}

/** An issue path of the record model spelt with the API's argument names ("study" → "studyId"). */
export function toGraphQLPath(path: readonly (string | number)[]): (string | number)[] {
  return path.map((part) => (typeof part === "string" ? (RENAMED_BACK[part] ?? part) : part));
}
