import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * The Biolink Model as the checker and the importer consult it, built from biolink-model.yaml
 * itself (names as the file spells them, with spaces). Nothing here lists Biolink terms: every
 * answer comes from the file.
 */

interface SlotDef {
  is_a?: string;
  mixins?: string[];
  range?: string;
  multivalued?: boolean;
  required?: boolean;
  deprecated?: unknown;
  mixin?: boolean;
  abstract?: boolean;
}

interface ClassDef {
  is_a?: string;
  mixins?: string[];
  mixin?: boolean;
  abstract?: boolean;
  deprecated?: unknown;
  slots?: string[];
  slot_usage?: Record<string, Partial<SlotDef> | null>;
}

interface EnumDef {
  permissible_values?: Record<string, unknown> | null;
}

interface ModelFile {
  version: string;
  classes: Record<string, ClassDef>;
  slots: Record<string, SlotDef>;
  enums: Record<string, EnumDef>;
}

/** What one slot means on one class, after the class's slot_usage. */
export interface SlotOnClass {
  name: string;
  range: string | undefined;
  multivalued: boolean;
  required: boolean;
}

const camel = (name: string) =>
  name
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
const snake = (name: string) => name.replace(/[\s,]+/g, "_");

export class BiolinkModel {
  readonly version: string;
  private readonly classes: Record<string, ClassDef>;
  private readonly slots: Record<string, SlotDef>;
  private readonly enums: Record<string, EnumDef>;
  private readonly classByCurie = new Map<string, string>();
  private readonly slotBySnake = new Map<string, string>();
  private readonly classSlotCache = new Map<string, Set<string>>();

  constructor(model: ModelFile) {
    this.version = String(model.version);
    this.classes = model.classes;
    this.slots = model.slots;
    this.enums = model.enums;
    for (const name of Object.keys(this.classes)) this.classByCurie.set(`biolink:${camel(name)}`, name);
    for (const name of Object.keys(this.slots)) this.slotBySnake.set(snake(name), name);
  }

  static load(path: string): BiolinkModel {
    return new BiolinkModel(parse(readFileSync(path, "utf8"), { maxAliasCount: -1 }) as ModelFile);
  }

  /** The model's class name ("chemical entity") for a category CURIE ("biolink:ChemicalEntity"), if it is one. */
  className(curie: string): string | undefined {
    return this.classByCurie.get(curie);
  }

  classCurie(name: string): string {
    return `biolink:${camel(name)}`;
  }

  isMixinClass(name: string): boolean {
    return this.classes[name]?.mixin === true;
  }

  isAbstractClass(name: string): boolean {
    return this.classes[name]?.abstract === true;
  }

  /** The class and its is_a ancestors, nearest first (mixins not included). */
  classLineage(name: string): string[] {
    const out: string[] = [];
    for (
      let current: string | undefined = name;
      current && this.classes[current] && !out.includes(current);
      current = this.classes[current]!.is_a
    )
      out.push(current);
    return out;
  }

  /** Every slot a class owns: its own, its ancestors' and its mixins', with slot_usage entries. */
  classSlots(name: string): Set<string> {
    const cached = this.classSlotCache.get(name);
    if (cached) return cached;
    const out = new Set<string>();
    const visit = (cls: string, seen: Set<string>) => {
      if (seen.has(cls)) return;
      seen.add(cls);
      const def = this.classes[cls];
      if (!def) return;
      for (const slot of def.slots ?? []) out.add(slot);
      for (const slot of Object.keys(def.slot_usage ?? {})) out.add(slot);
      for (const mixin of def.mixins ?? []) visit(mixin, seen);
      if (def.is_a) visit(def.is_a, seen);
    };
    visit(name, new Set());
    this.classSlotCache.set(name, out);
    return out;
  }

  /** The model's slot name ("has supporting studies") for a KGX property ("has_supporting_studies"), if it is one. */
  slotName(property: string): string | undefined {
    return this.slotBySnake.get(property);
  }

  slotLineage(name: string): string[] {
    const out: string[] = [];
    for (
      let current: string | undefined = name;
      current && this.slots[current] && !out.includes(current);
      current = this.slots[current]!.is_a
    )
      out.push(current);
    return out;
  }

  isDeprecatedSlot(name: string): boolean {
    const value = this.slots[name]?.deprecated;
    return value !== undefined && value !== null && value !== false;
  }

  isMixinSlot(name: string): boolean {
    return this.slots[name]?.mixin === true;
  }

  /** A predicate is a slot under `related to`. */
  isPredicate(name: string): boolean {
    return this.slotLineage(name).includes("related to");
  }

  /** A qualifier is a slot under `qualifier`. */
  isQualifier(name: string): boolean {
    return this.slotLineage(name).includes("qualifier");
  }

  /** A slot as it applies on a class: slot_usage on the class or its ancestors and mixins overrides the slot's own definition. */
  slotOn(slot: string, cls: string | undefined): SlotOnClass {
    const base = this.slots[slot] ?? {};
    const inheritedRange = this.slotLineage(slot)
      .map((s) => this.slots[s]?.range)
      .find((r) => r !== undefined);
    const inheritedMulti = this.slotLineage(slot)
      .map((s) => this.slots[s]?.multivalued)
      .find((m) => m !== undefined);
    let usage: Partial<SlotDef> = {};
    if (cls) {
      // Nearest class first: its slot_usage wins over its ancestors'.
      for (const ancestor of [...this.classLineage(cls)].reverse()) {
        const def = this.classes[ancestor];
        for (const mixin of def?.mixins ?? []) usage = { ...usage, ...(this.classes[mixin]?.slot_usage?.[slot] ?? {}) };
        usage = { ...usage, ...(def?.slot_usage?.[slot] ?? {}) };
      }
    }
    return {
      name: slot,
      range: usage.range ?? inheritedRange,
      multivalued: usage.multivalued ?? inheritedMulti ?? false,
      required: usage.required ?? base.required ?? false,
    };
  }

  /** Permissible values when `range` is an enum, otherwise undefined. */
  enumValues(range: string | undefined): Set<string> | undefined {
    if (!range) return undefined;
    const def = this.enums[range];
    if (!def) return undefined;
    // A value may be written as its name or as its meaning. Writers disagree on a meaning's prefix
    // (the model says os:AllSomeInterpretation, KGX writes owlstar:AllSomeInterpretation), so a
    // meaning is also accepted under any prefix: `*:AllSomeInterpretation`.
    const values = Object.entries(def.permissible_values ?? {}).flatMap(([name, pv]) => {
      const meaning = (pv as { meaning?: unknown } | null)?.meaning;
      return typeof meaning === "string" ? [name, meaning, `*:${meaning.slice(meaning.indexOf(":") + 1)}`] : [name];
    });
    return new Set(values);
  }

  /** Slots a record of this class must have, after slot_usage. */
  requiredSlots(cls: string): string[] {
    return [...this.classSlots(cls)].filter((slot) => this.slotOn(slot, cls).required);
  }
}
