import type { StylesheetJson } from "cytoscape";
import { styleDefaults, type StyleDefaults } from "./styleDefaults.js";

/**
 * Builds the Cytoscape stylesheet from the style defaults. Elements carry their meaning as
 * data (kind, sign, strength, status, contested) and classes (path, active, faded, hidden).
 */
export function buildStylesheet(s: StyleDefaults = styleDefaults): StylesheetJson {
  const kindRules = Object.entries(s.kinds).map(([kind, style]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: style.shape, "background-color": style.color, "border-color": style.border },
  }));
  const signRules = Object.entries(s.signs).map(([sign, style]) => ({
    selector: `edge[sign = "${sign}"]`,
    style: { "target-arrow-shape": style.arrow },
  }));

  return [
    {
      selector: "node",
      style: {
        width: s.node.size,
        height: s.node.size,
        "border-width": 1.5,
        label: "data(label)",
        "font-size": s.node.fontSize,
        "font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
        color: "#1b1f24",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": `${s.node.labelWidth}px`,
        "min-zoomed-font-size": s.node.minZoomedFontSize,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "1px",
      },
    },
    ...kindRules,
    {
      selector: "edge",
      style: {
        width: `mapData(strength, 0, 1, ${s.edge.minWidth}, ${s.edge.maxWidth})`,
        "line-color": s.edge.color,
        "target-arrow-color": s.edge.color,
        "arrow-scale": 1.1,
        "curve-style": "bezier",
        label: "data(label)",
        "font-size": s.edge.fontSize,
        color: "#4a525b",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "min-zoomed-font-size": s.edge.minZoomedFontSize,
        "line-opacity": 0.9,
      },
    },
    ...signRules,
    { selector: 'edge[sign = "NEGATIVE"]', style: { "line-color": s.edge.negativeColor, "target-arrow-color": s.edge.negativeColor } },
    { selector: 'edge[status = "PROPOSED"]', style: { "line-style": s.edge.proposedLineStyle } },
    {
      selector: 'edge[status = "REJECTED"], edge[status = "RETRACTED"]',
      style: { "line-style": s.edge.rejectedLineStyle, "line-opacity": 0.5 },
    },
    {
      selector: "edge[?contested]",
      style: {
        "line-color": s.edge.contestedColor,
        "target-arrow-color": s.edge.contestedColor,
        color: s.edge.contestedColor,
        "font-weight": "bold",
      },
    },
    { selector: "edge.path", style: { "line-color": s.highlight.path, "target-arrow-color": s.highlight.path, "z-index": 5 } },
    { selector: "node.path", style: { "border-color": s.highlight.path, "border-width": 3 } },
    {
      selector: "edge.path-best",
      style: { "line-color": s.highlight.bestPath, "target-arrow-color": s.highlight.bestPath, "z-index": 6, "line-opacity": 1 },
    },
    { selector: "node.path-best", style: { "border-color": s.highlight.bestPath, "border-width": 4 } },
    {
      selector: "edge.t-active",
      style: { "line-color": s.highlight.active, "target-arrow-color": s.highlight.active, "z-index": 7, "line-opacity": 1 },
    },
    { selector: "node.t-active", style: { "border-color": s.highlight.active, "border-width": 3 } },
    // A contested claim keeps its red mark inside highlights.
    { selector: "edge[?contested].path, edge[?contested].t-active", style: { "line-style": "solid", color: s.edge.contestedColor } },
    { selector: "node.chain", style: { "font-size": s.chain.fontSize, "text-max-width": `${s.chain.labelWidth}px` } },
    { selector: "edge.chain", style: { "font-size": s.chain.edgeFontSize } },
    {
      selector: "edge.chain-contested",
      style: { "line-color": s.edge.contestedColor, "target-arrow-color": s.edge.contestedColor, color: s.edge.contestedColor },
    },
    {
      selector: "edge.chain-weakest",
      style: { "underlay-color": s.chain.weakestHalo, "underlay-opacity": 0.55, "underlay-padding": 6 },
    },
    { selector: ".faded", style: { opacity: s.highlight.fadedOpacity, "text-opacity": 0 } },
    { selector: ".root", style: { "border-width": 3.5 } },
    { selector: ".hidden", style: { display: "none" } },
    {
      selector: "node:selected",
      style: {
        "border-color": s.highlight.selected,
        "border-width": 5,
        "overlay-opacity": 0,
        "underlay-color": s.highlight.selected,
        "underlay-opacity": 0.15,
        "underlay-padding": 6,
      },
    },
    {
      selector: "edge:selected",
      style: {
        "line-color": s.highlight.selected,
        "target-arrow-color": s.highlight.selected,
        "z-index": 9,
        "underlay-color": s.highlight.selected,
        "underlay-opacity": 0.2,
        "underlay-padding": 4,
      },
    },
    { selector: "node.pick-source", style: { "border-color": "#6a1b9a", "border-width": 5, "border-style": "double" } },
  ];
}
