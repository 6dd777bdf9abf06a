/** Formats rows as aligned, space-separated columns under a header (for listings on a terminal). */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
