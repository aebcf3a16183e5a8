declare module "cytoscape-svg" {
  import type { Ext } from "cytoscape";
  const cytoscapeSvg: Ext;
  export default cytoscapeSvg;
}
