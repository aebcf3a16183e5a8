import { EXTENSION_PREFIX } from "./biolinkMapping.js";
import type { BiolinkModel } from "./biolinkModel.js";

/** One problem with one property of one record; `property` names the column. */
export interface CheckIssue {
  property: string;
  message: string;
}

export interface CheckOptions {
  /**
   * "model": every slot the model marks required (what this graph's export must meet);
   * "kgx": only what a KGX file cannot do without (id and category on nodes; subject,
   * predicate and object on edges), so third-party files that omit the rest still import.
   */
  required: "model" | "kgx";
  /** Report properties that are neither Biolink slots nor this graph's extension properties. */
  strict: boolean;
}

type Values = Record<string, unknown>;

/** A CURIE as Biolink writes them: a prefix, a colon and a local part without spaces (DOIs keep their slashes). */
const BIOLINK_CURIE = /^[A-Za-z_][A-Za-z0-9_.-]*:\S+$/;
const isCurie = (value: unknown): value is string => typeof value === "string" && BIOLINK_CURIE.test(value);

const present = (value: unknown) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

/**
 * Checks KGX records against the Biolink Model: categories are classes (not mixins, not
 * abstract), predicates exist and are not deprecated, required slots are present, enum values
 * are permissible, single- and multi-valued slots have their shape, and an edge's qualifiers
 * belong to its category.
 */
export class BiolinkChecker {
  private readonly nodeRoot: string;
  private readonly edgeRoot: string;

  constructor(
    private readonly model: BiolinkModel,
    private readonly options: CheckOptions,
  ) {
    this.nodeRoot = "named thing";
    this.edgeRoot = "association";
  }

  /** The model class names of a record's categories, with issues for those that are not usable classes. */
  private categories(values: Values, root: string, issues: CheckIssue[]): string[] {
    const raw = values.category;
    if (!present(raw)) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    const out: string[] = [];
    for (const curie of list) {
      const name = typeof curie === "string" ? this.model.className(curie) : undefined;
      if (!name) issues.push({ property: "category", message: `${String(curie)} is not a Biolink class` });
      else if (this.model.isMixinClass(name)) issues.push({ property: "category", message: `${curie} is a mixin, not a class` });
      else if (this.model.isAbstractClass(name)) issues.push({ property: "category", message: `${curie} is abstract` });
      else if (!this.model.classLineage(name).includes(root)) issues.push({ property: "category", message: `${curie} is not a ${root}` });
      else out.push(name);
    }
    return out;
  }

  /** Shape, enum and CURIE checks of every property, on the record's most specific class. */
  private properties(values: Values, cls: string, issues: CheckIssue[]): void {
    for (const [property, value] of Object.entries(values)) {
      if (!present(value)) continue;
      const slot = this.model.slotName(property);
      if (!slot) {
        if (this.options.strict && !property.startsWith(EXTENSION_PREFIX))
          issues.push({ property, message: `${property} is not a Biolink slot` });
        continue;
      }
      const usage = this.model.slotOn(slot, cls);
      if (usage.multivalued !== Array.isArray(value)) {
        issues.push({
          property,
          message: usage.multivalued
            ? `${property} is multivalued: it takes a list`
            : `${property} is single-valued: it takes one value, not a list`,
        });
        continue;
      }
      const items = Array.isArray(value) ? value : [value];
      const allowed = this.model.enumValues(usage.range);
      if (allowed)
        for (const item of items)
          if (!allowed.has(String(item)) && !allowed.has(`*:${String(item).slice(String(item).indexOf(":") + 1)}`))
            issues.push({ property, message: `${String(item)} is not a value of ${usage.range}` });
      if (
        usage.range === "uriorcurie" ||
        (usage.range && this.model.className(this.model.classCurie(usage.range)) && property !== "has_supporting_studies")
      )
        for (const item of items)
          if (typeof item === "string" && !isCurie(item)) issues.push({ property, message: `${item} is not a CURIE` });
    }
  }

  private required(values: Values, slots: readonly string[], issues: CheckIssue[]): void {
    for (const slot of slots) {
      const property = slot.replace(/[\s,]+/g, "_");
      if (!present(values[property])) issues.push({ property, message: `${property} is required` });
    }
  }

  checkNode(values: Values): CheckIssue[] {
    const issues: CheckIssue[] = [];
    if (present(values.id) && !isCurie(values.id)) issues.push({ property: "id", message: `${String(values.id)} is not a CURIE` });
    const classes = this.categories(values, this.nodeRoot, issues);
    const cls = classes[0] ?? this.nodeRoot;
    this.required(values, this.options.required === "model" ? this.model.requiredSlots(cls) : ["id", "category"], issues);
    this.properties(values, cls, issues);
    return issues;
  }

  private predicate(property: string, value: unknown, issues: CheckIssue[]): void {
    if (!present(value)) return;
    const curie = String(value);
    const slot = curie.startsWith("biolink:") ? this.model.slotName(curie.slice("biolink:".length)) : undefined;
    if (!slot) issues.push({ property, message: `${curie} is not a Biolink predicate` });
    else if (this.model.isDeprecatedSlot(slot)) issues.push({ property, message: `${curie} is deprecated` });
    else if (this.options.required === "model" && (!this.model.isPredicate(slot) || this.model.isMixinSlot(slot)))
      issues.push({ property, message: `${curie} is not a canonical (non-mixin) predicate` });
  }

  checkEdge(values: Values): CheckIssue[] {
    const issues: CheckIssue[] = [];
    for (const end of ["subject", "object"])
      if (present(values[end]) && !isCurie(values[end])) issues.push({ property: end, message: `${String(values[end])} is not a CURIE` });
    const classes = this.categories(values, this.edgeRoot, issues);
    const cls = classes[0] ?? this.edgeRoot;
    this.required(values, this.options.required === "model" ? this.model.requiredSlots(cls) : ["subject", "predicate", "object"], issues);
    this.predicate("predicate", values.predicate, issues);
    this.predicate("qualified_predicate", values.qualified_predicate, issues);
    this.properties(values, cls, issues);
    for (const property of Object.keys(values)) {
      const slot = this.model.slotName(property);
      if (!slot || !present(values[property]) || !this.model.isQualifier(slot)) continue;
      for (const name of classes.length > 0 ? classes : [this.edgeRoot])
        if (!this.model.classSlots(name).has(slot))
          issues.push({ property, message: `${property} does not belong to ${this.model.classCurie(name)}` });
    }
    const source = values.primary_knowledge_source;
    if (present(source) && !(typeof source === "string" && source.startsWith("infores:")))
      issues.push({ property: "primary_knowledge_source", message: `${String(source)} is not an infores CURIE` });
    return issues;
  }
}
