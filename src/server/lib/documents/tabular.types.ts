/** A data row of an uploaded table: its row number as a spreadsheet shows it, and cells by header. */
export type TabularRow = { row: number; cells: Record<string, string> };

/** An uploaded CSV or first worksheet, read as text: normalised headers and the rows below them. */
export type TabularFile = { headers: string[]; rows: TabularRow[] };
