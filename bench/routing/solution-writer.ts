/** CVRPLIB solution text: one `Route #k:` line per non-empty route (customers as numbered in the file), then `Cost N`. */
export function formatSolution(routes: number[][], cost: number): string {
  const lines = routes.filter((r) => r.length > 0).map((r, k) => `Route #${k + 1}: ${r.join(' ')}`);
  const shown = Number.isInteger(cost) ? String(cost) : String(Math.round(cost * 100) / 100);
  lines.push(`Cost ${shown}`);
  return lines.join('\n') + '\n';
}
