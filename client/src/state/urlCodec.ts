import type { ClaimStatus, StudyDesign } from "../api/index.js";
import { LAYOUT_NAMES, type LayoutName } from "../graph/layouts.js";
import { CLAIM_STATUS_LABELS, STUDY_DESIGN_LABELS } from "../ui/labels.js";
import { DEFAULT_MAX_HOPS, DEFAULT_STATUSES, MAX_HOPS, emptyFilter, type Selection, type ViewMode, type ViewState } from "./viewState.js";

/**
 * The URL form of a ViewState: a query string with one key per field and repeated keys for
 * lists, e.g. `?mode=path&from=mg:a&to=mg:b&hops=4&species=human&t=24`. Unknown or malformed
 * values are dropped, so an edited link still opens.
 */
const MODES: readonly ViewMode[] = ["how", "explore", "path", "time"];

/**
 * Every key a view state writes. A URL with none of them (a bare address) opens How it works;
 * links with view keys but no `mode` predate that view and keep opening Explore.
 */
const VIEW_KEYS = [
  "mode",
  "of",
  "id",
  "hide",
  "node",
  "edge",
  "from",
  "to",
  "via",
  "hops",
  "species",
  "minStrength",
  "design",
  "region",
  "status",
  "t",
  "layout",
];

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

function numberOrNull(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}

export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.chainsOf !== null) params.set("of", state.chainsOf);
  for (const id of state.ids) params.append("id", id);
  for (const id of state.hidden) params.append("hide", id);
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  if (state.path) {
    params.set("from", state.path.from);
    params.set("to", state.path.to);
    if (state.path.through) params.set("via", state.path.through);
    if (state.path.maxHops !== DEFAULT_MAX_HOPS) params.set("hops", String(state.path.maxHops));
  }
  const { filter } = state;
  for (const s of filter.species) params.append("species", s);
  if (filter.minStrength !== null && filter.minStrength > 0) params.set("minStrength", String(filter.minStrength));
  for (const d of filter.designs) params.append("design", d);
  for (const r of filter.regions) params.append("region", r);
  const defaultStatuses = filter.statuses.length === DEFAULT_STATUSES.length && filter.statuses.every((s) => DEFAULT_STATUSES.includes(s));
  if (!defaultStatuses) for (const s of filter.statuses) params.append("status", s);
  if (state.hours !== null) params.set("t", String(state.hours));
  if (state.layout !== null) params.set("layout", state.layout);
  // `mode` is left out where decoding implies it: How it works for a bare URL, Explore otherwise.
  const implied: ViewMode = [...params.keys()].length === 0 ? "how" : "explore";
  if (state.mode !== implied) params.set("mode", state.mode);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const modeParam = params.get("mode");
  const bare = VIEW_KEYS.every((key) => !params.has(key));
  const mode: ViewMode = isOneOf(MODES, modeParam) ? modeParam : bare ? "how" : "explore";

  const nodeId = params.get("node");
  const edgeId = params.get("edge");
  const selection: Selection | null = edgeId ? { kind: "edge", id: edgeId } : nodeId ? { kind: "node", id: nodeId } : null;

  const from = params.get("from")?.trim() ?? "";
  const to = params.get("to")?.trim() ?? "";
  const hops = numberOrNull(params.get("hops"));
  const path =
    from !== "" && to !== ""
      ? {
          from,
          to,
          through: params.get("via")?.trim() || null,
          maxHops: hops !== null && hops >= 1 && hops <= MAX_HOPS ? Math.round(hops) : DEFAULT_MAX_HOPS,
        }
      : null;

  const designs = params.getAll("design").filter((d): d is StudyDesign => d in STUDY_DESIGN_LABELS);
  const statuses = params.getAll("status").filter((s): s is ClaimStatus => s in CLAIM_STATUS_LABELS);
  const minStrength = numberOrNull(params.get("minStrength"));
  const filter = {
    ...emptyFilter(),
    species: unique(params.getAll("species")),
    minStrength: minStrength !== null && minStrength > 0 && minStrength <= 1 ? minStrength : null,
    designs: unique(designs) as StudyDesign[],
    regions: unique(params.getAll("region")),
    statuses: statuses.length > 0 ? (unique(statuses) as ClaimStatus[]) : [...DEFAULT_STATUSES],
  };

  const hours = numberOrNull(params.get("t"));
  const layoutParam = params.get("layout");
  const layout: LayoutName | null = isOneOf(LAYOUT_NAMES, layoutParam) ? layoutParam : null;

  return {
    mode,
    chainsOf: params.get("of")?.trim() || null,
    ids: unique(params.getAll("id")),
    hidden: unique(params.getAll("hide")),
    selection,
    path,
    filter,
    hours: hours !== null && hours > 0 ? hours : null,
    layout,
  };
}
