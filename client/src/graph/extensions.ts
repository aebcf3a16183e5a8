import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import svg from "cytoscape-svg";

let registered = false;

/** Registers the layout and export extensions with Cytoscape, once. */
export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  registered = true;
}
