export { createGraphView, type GraphView, type GraphViewEvents, type GraphCounts, type GraphViewOptions } from "./graphView.js";
export { mergeGraphData, toElements, type GraphData } from "./elements.js";
export { LAYOUT_NAMES, LAYOUT_LABELS, layoutOptions, type LayoutName } from "./layouts.js";
export { styleDefaults, type KindStyle } from "./styleDefaults.js";
export { rendererDefaults } from "./rendererDefaults.js";
export type { ChainMarks, Emphasis, PathHighlight } from "./highlights.js";
export { exportView, exportFileName, type ExportFormat } from "./exportView.js";
