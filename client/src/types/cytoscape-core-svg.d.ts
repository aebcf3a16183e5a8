import "cytoscape";

declare module "cytoscape" {
  interface ExportSvgOptions {
    /** Whole graph (true) or the visible viewport (false). */
    full?: boolean;
    scale?: number;
    /** Background colour; transparent when omitted. */
    bg?: string;
  }
  interface Core {
    /** Added by cytoscape-svg: the view as SVG text. */
    svg(options?: ExportSvgOptions): string;
  }
}
