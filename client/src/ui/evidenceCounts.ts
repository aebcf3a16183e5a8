/** "5 evidence items from 3 studies": items and studies are not the same count, so both are said. */
export function evidenceCountText(evidence: readonly { study: { id: string } }[]): string {
  const items = evidence.length;
  const studies = new Set(evidence.map((item) => item.study.id)).size;
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${plural(items, "evidence item", "evidence items")} from ${plural(studies, "study", "studies")}`;
}
