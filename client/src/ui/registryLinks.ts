/**
 * Where an entity's identifier can be looked up. OBO Foundry ontologies (ChEBI, GO, UBERON,
 * MONDO, ...) resolve through their PURLs, which redirect to the ontology's own browser; HGNC
 * and UniProt have their own pages. Project-local ids (mg:) and unknown prefixes get no link.
 */
const OBO_PREFIXES = new Set(["CHEBI", "GO", "UBERON", "MONDO", "DOID", "HP", "CL", "PR", "NCBITaxon", "RO", "UPHENO"]);

export function registryUrl(curie: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9_.]*):(\S+)$/.exec(curie);
  if (!match) return null;
  const [, prefix = "", local = ""] = match;
  if (OBO_PREFIXES.has(prefix)) return `https://purl.obolibrary.org/obo/${prefix}_${encodeURIComponent(local)}`;
  switch (prefix) {
    case "HGNC":
      return `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:${encodeURIComponent(local)}`;
    case "UniProtKB":
      return `https://www.uniprot.org/uniprotkb/${encodeURIComponent(local)}/entry`;
    case "MESH":
      return `https://meshb.nlm.nih.gov/record/ui?ui=${encodeURIComponent(local)}`;
    default:
      return null;
  }
}
