import { z } from "zod";

/**
 * Shapes of identifiers. A shape check says an id is well formed, not that it exists:
 * whether an identifier was confirmed is recorded beside it in `idSource`.
 */
export const CURIE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$/;
export const PMID_PATTERN = /^[1-9][0-9]{0,8}$/;
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

export const curie = z.string().regex(CURIE_PATTERN, "must be a CURIE such as CHEBI:6121 or mg:glutamate-surge");
export const pmid = z.string().regex(PMID_PATTERN, "must be a PubMed id: 1 to 9 digits, e.g. 20724638");
export const doi = z.string().regex(DOI_PATTERN, "must be a DOI starting with 10., e.g. 10.1126/science.1190287");
