/** Toolbar badge text: empty at zero so a clean desk shows no badge. */
export function formatBadge(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
