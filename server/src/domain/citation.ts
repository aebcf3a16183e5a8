/** A short human citation: "Berman RM, Cappiello A, et al. (2000). Title. Journal." */
export function formatCitation(study: {
  authors: readonly string[];
  year?: number | null;
  title?: string | null;
  journal?: string | null;
}): string {
  const authors = study.authors.length > 2 ? `${study.authors[0]}, ${study.authors[1]}, et al.` : study.authors.join(", ");
  const parts = [`${authors}${study.year ? ` (${study.year})` : ""}.`];
  if (study.title) parts.push(study.title.endsWith(".") ? study.title : `${study.title}.`);
  if (study.journal) parts.push(study.journal.endsWith(".") ? study.journal : `${study.journal}.`);
  return parts.join(" ");
}
