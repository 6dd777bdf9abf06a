import type { ImportResult } from '#shared/contracts/data-values.contract';
import { readTabularFile } from '#server/lib/documents/tabular-file';
import { systemActor } from '#server/lib/actor';
import { buildValuesXlsx, type ValueFileRow } from '#server/test/data-import-support';
import { ms, percentile, startBenchApp, timed, type BenchApp, type DbKind } from './harness';

// The speed benches of the indicator issue, except the pivot (pivot-bench.ts): demo data, a 100,000-value
// XLSX import and saving one entry-form cell. Each returns rows for the results table.

export type BenchRow = { bench: string; database: string; result: string; target: string };

export const dbLabel: Record<DbKind, string> = { pglite: 'PGlite (embedded)', postgres: 'PostgreSQL server' };

/** The reporting territories (no children), by code. */
async function leaves(b: BenchApp) {
  const all = (await b.container.services.territories.list()).items;
  const parents = new Set(all.map((t) => t.parentId));
  return all
    .filter((t) => !parents.has(t.id) && t.level !== 'country')
    .sort((x, y) => x.code.localeCompare(y.code));
}

/** `kuzot seed --demo` in full (the service it calls), then again to show it adds nothing. */
export async function benchDemo(kind: DbKind): Promise<BenchRow[]> {
  const b = await startBenchApp(kind);
  try {
    const first = await b.container.services.demo.seed(systemActor('bench'));
    const again = await b.container.services.demo.seed(systemActor('bench'));
    return [
      {
        bench: `demo data: ${first.valuesAdded.toLocaleString('en')} values, ${first.approvalsAdded.toLocaleString('en')} approvals (${first.elements} elements × ${first.territories} territories, 2015–2025)`,
        database: dbLabel[kind],
        result: `${(first.ms / 1000).toFixed(1)} s; again (adds ${again.valuesAdded}): ${(again.ms / 1000).toFixed(1)} s`,
        target: '≤ 60 s on PGlite, ≤ 1.5 M values',
      },
    ];
  } finally {
    await b.close();
  }
}

const substances = ['cannabis', 'heroin', 'opium', 'synthetic', 'cocaine', 'other'];
const sexAge = ['male', 'female'].flatMap((s) =>
  ['age_0_17', 'age_18_29', 'age_30_plus'].map((a) => `${s}.${a}`),
);

/** 100,000 value rows: three elements with their disaggregations, every reporting territory, from 2015-01. */
export function importRows(territoryCodes: readonly string[], count = 100_000): ValueFileRow[] {
  const rows: ValueFileRow[] = [];
  for (let month = 0; rows.length < count; month++) {
    const period = `${2015 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (const territory of territoryCodes) {
      for (const [i, s] of substances.entries()) {
        rows.push(['drug_crimes', territory, period, s, (month + i * 7) % 23, null, null]);
        rows.push(['drugs_seized_kg', territory, period, s, ((month * 13 + i) % 400) / 4, null, null]);
      }
      for (const [i, d] of sexAge.entries())
        rows.push(['acute_poisonings', territory, period, d, (month + i) % 5, null, null]);
      if (rows.length >= count) break;
    }
  }
  return rows.slice(0, count);
}

/** Uploads the file; a large one is checked at once (202) and written by a job, which this waits for. */
async function upload(b: BenchApp, data: Buffer): Promise<{ accepted: number; result: ImportResult }> {
  const began = performance.now();
  const form = new FormData();
  form.append(
    'file',
    new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    'values.xlsx',
  );
  const response = await fetch(`${b.baseUrl}/api/v1/data-imports`, {
    method: 'POST',
    headers: b.headers,
    body: form,
  });
  const text = await response.text();
  const accepted = performance.now() - began;
  if (response.status === 200) return { accepted, result: JSON.parse(text) as ImportResult };
  if (response.status !== 202) throw new Error(`import failed: ${response.status} ${text.slice(0, 500)}`);
  const { jobId } = JSON.parse(text) as { jobId: string };
  for (;;) {
    const poll = await fetch(`${b.baseUrl}/api/v1/data-imports/${jobId}`, { headers: b.headers });
    const job = (await poll.json()) as { status: string; result: ImportResult | null; error: unknown };
    if (job.status === 'succeeded' && job.result) return { accepted, result: job.result };
    if (job.status === 'failed' || job.status === 'dead')
      throw new Error(`import job failed: ${JSON.stringify(job.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Import 100,000 values from XLSX through POST /api/v1/data-imports, with the parse-only time beside it. */
export async function benchImport(kind: DbKind): Promise<BenchRow[]> {
  const b = await startBenchApp(kind);
  try {
    const rows = importRows((await leaves(b)).map((t) => t.code));
    const data = await buildValuesXlsx(rows);
    // The import's own reading: the fast sheet reader, or exceljs when it declines the file.
    const parse = await timed(async () => readTabularFile('values.xlsx', data));
    const first = await timed(() => upload(b, data));
    const again = await timed(() => upload(b, data));
    return [
      {
        bench: `XLSX import, ${rows.length.toLocaleString('en')} values (${(data.length / 2 ** 20).toFixed(1)} MiB), full validation, over HTTP`,
        database: dbLabel[kind],
        result: `${(first.ms / 1000).toFixed(2)} s until written (${first.result.result.created} created; checked and accepted after ${(first.result.accepted / 1000).toFixed(2)} s; parse only ${(parse.ms / 1000).toFixed(2)} s); same file again: ${(again.ms / 1000).toFixed(2)} s (${again.result.result.unchanged} unchanged)`,
        target: '< 10 s',
      },
    ];
  } finally {
    await b.close();
  }
}

/** Saving one entry-form cell: PUT /api/v1/data-values over HTTP with cookie and CSRF, a new value each time. */
export async function benchSave(kind: DbKind, rounds = 300): Promise<BenchRow[]> {
  const b = await startBenchApp(kind);
  try {
    // Demo data for one territory gives the save's checks (rules, outliers) a history to look at.
    await b.container.services.demo.seed(systemActor('bench'), { territoryLimit: 1, lastMonth: '2025-10' });
    const [territory] = await leaves(b);
    const element = (await b.container.services.catalogue.getCatalogue()).dataElements.find(
      (e) => e.code === 'drug_crimes',
    );
    if (!territory || !element) throw new Error('no territory or drug_crimes element');
    // A period after the demo months (which end at 2025-10 here), so the cell is not locked.
    const save = (value: number, period: string) =>
      fetch(`${b.baseUrl}/api/v1/data-values`, {
        method: 'PUT',
        headers: { ...b.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          dataElementId: element.id,
          territoryId: territory.id,
          period,
          disaggregation: 'heroin',
          value,
        }),
      });
    const durations: number[] = [];
    for (let i = 0; i < rounds + 20; i++) {
      const period = i % 2 === 0 ? '2025-11' : '2025-12';
      const began = performance.now();
      const response = await save(i, period);
      const body = await response.text();
      const took = performance.now() - began;
      if (response.status !== 200) throw new Error(`save failed: ${response.status} ${body.slice(0, 300)}`);
      if (i >= 20) durations.push(took); // the first 20 warm up caches and the JIT
    }
    return [
      {
        bench: `save one cell (PUT /api/v1/data-values, ${rounds} sequential saves after 20 warm-up)`,
        database: dbLabel[kind],
        result: `p50 ${ms(percentile(durations, 50))} ms, p95 ${ms(percentile(durations, 95))} ms, p99 ${ms(percentile(durations, 99))} ms`,
        target: 'p95 < 50 ms',
      },
    ];
  } finally {
    await b.close();
  }
}
