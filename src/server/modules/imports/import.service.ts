import type { DataImportJob, DataImportQueued } from '#shared/contracts/data-import.contract';
import type { ImportResult, ValueCheck, ValueSetRequest } from '#shared/contracts/data-values.contract';
import type { ImportProblem } from '#shared/contracts/territories.contract';
import { described, msg, renderMessage } from '#shared/messages/catalogue';
import type { Transactor } from '#server/db/transaction';
import { enqueueJob } from '#server/jobs/queue';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import type { CpuPool } from '#server/lib/cpu-pool';
import { xlsxContentType } from '#server/lib/documents/xlsx-write';
import { csvContentType } from '#server/lib/documents/csv-write';
import type { AuditService } from '../audit/audit.service';
import type { FileService } from '../files/file.service';
import type { CatalogueService } from '../indicators/catalogue.service';
import type { JobService } from '../jobs/job.service';
import type { TerritoryService } from '../territories/territory.service';
import type { ValueWrite, WriteSource, WriteSummary } from '../values/values.types';
import {
  flatEntries,
  flatHeaderProblems,
  importElements,
  jsonEntries,
  problemsInFile,
  resolveEntries,
  sortProblems,
  territoryResolver,
  type RawEntry,
  type WriteOrigin,
} from './import.rules';
import { dataImportJob } from './import.types';
import { templateEntries } from './template.rules';
import type { TemplateService } from './template.service';
import { readUploadTask } from './upload.task';

export type ImportService = ReturnType<typeof createImportService>;

/** The single write path of values (the value service): checks scope, locks and types, writes all or none. */
export type ValueWriter = {
  applyValues(
    actor: Actor,
    writes: ValueWrite[],
    source: WriteSource,
    options: { dryRun: boolean },
  ): Promise<WriteSummary & { checks: ValueCheck[] }>;
  /** The refusals `applyValues` would give, as a list (rows are 1-based positions in `writes`). */
  checkValues(actor: Actor, writes: ValueWrite[]): Promise<ImportProblem[]>;
};

export type UploadedFile = { filename: string; data: Buffer };

type Entries = Array<{ entry: RawEntry; origin: WriteOrigin }>;

/** A file read and ready to resolve: its entries, where they came from, and for a template its period. */
type PreparedFile = {
  entries: Entries;
  source: WriteSource;
  /** The row to name when the file has no values at all. */
  emptyRow: number;
  template?: { period: string };
};

/** Files with more values than this are checked at once, then written by a job (see the route). */
export const defaultSyncImportLimit = 20_000;

const refuse = (problems: readonly ImportProblem[]) =>
  new AppError('IMPORT_INVALID', msg('import.refused', { count: problems.length }), {
    problems: sortProblems(problems),
  });

/** The write path's problems in the file's own rows and columns, or null when it refused for another reason. */
function writeProblems(error: unknown, origins: readonly WriteOrigin[]): ImportProblem[] | null {
  if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') return null;
  const problems = (error.details as { problems?: ImportProblem[] } | undefined)?.problems;
  return Array.isArray(problems) ? problemsInFile(problems, origins) : null;
}

/**
 * Imports of values from CSV and XLSX files (flat rows, or a filled Excel template) and JSON value sets.
 * Files are parsed and codes resolved here, outside any transaction; the value service then checks scope,
 * locks and value types and writes everything in one transaction, or nothing. Every problem is reported
 * with the row and column of the file (or `values[i].field` of the JSON) it came from.
 */
export function createImportService(deps: {
  tx: Transactor;
  audit: AuditService;
  files: FileService;
  jobs: JobService;
  catalogue: CatalogueService;
  territories: TerritoryService;
  templates: TemplateService;
  values: ValueWriter;
  /** Worker threads: uploads are read there, off the event loop. */
  cpu: Pick<CpuPool, 'run'>;
  /** Values above which an upload is written by a job; default 20,000. */
  syncLimit?: number;
}) {
  const syncLimit = deps.syncLimit ?? defaultSyncImportLimit;

  async function run(
    actor: Actor,
    entries: Entries,
    source: WriteSource,
    dryRun: boolean | 'validate-only',
    emptyRow: number,
    template?: { period: string },
  ): Promise<ImportResult> {
    if (entries.length === 0)
      throw refuse([{ row: emptyRow, column: null, ...described(msg('import.no_values')) }]);
    const [catalogue, territories] = await Promise.all([
      deps.catalogue.getCatalogue(),
      deps.territories.list(),
    ]);
    const { writes, origins, problems } = resolveEntries(entries, {
      elements: importElements(catalogue),
      territory: territoryResolver(territories.items),
    });
    // A template holds every cell of the scope, most of them as handed out. Those are left out before the
    // write path sees them, so that figures approved (locked) since the download do not refuse the file.
    let kept = writes;
    let keptOrigins = origins;
    if (template) {
      const stored = await deps.templates.storedValues(writes, template.period);
      const changes = writes.map((w) => {
        const before = stored.get(`${w.dataElementId}|${w.territoryId}|${w.disaggregation}`);
        return before === undefined ? w.value !== null : before !== w.value;
      });
      kept = writes.filter((_, i) => changes[i]);
      keptOrigins = origins.filter((_, i) => changes[i]);
    }
    // Scope, lock and value problems of the rows that did resolve are reported with the codes that did not, so
    // one round of fixing does.
    if (kept.length > 0)
      problems.push(...problemsInFile(await deps.values.checkValues(actor, kept), keptOrigins));
    if (problems.length > 0) throw refuse(problems);
    const skipped = writes.length - kept.length;
    const nothing = { created: 0, updated: 0, deleted: 0, unchanged: 0, checks: [] };
    try {
      let summary: WriteSummary & { checks: ValueCheck[] } = nothing;
      if (kept.length > 0) {
        // 'validate-only': checked above; a job diffs and writes later.
        if (dryRun !== 'validate-only')
          summary = await deps.values.applyValues(actor, kept, source, { dryRun });
      }
      return {
        rows: writes.length,
        created: summary.created,
        updated: summary.updated,
        deleted: summary.deleted,
        unchanged: summary.unchanged + skipped,
        dryRun: dryRun !== false,
        checks: summary.checks,
      };
    } catch (error) {
      // Only when a report was locked (or the catalogue changed) between the check above and the write.
      const mapped = writeProblems(error, keptOrigins);
      if (mapped === null) throw error;
      throw refuse(mapped);
    }
  }

  /**
   * Reads a file into entries: a filled template, or flat rows of a CSV or XLSX file. The reading (zip-bomb
   * check, template detection, parsing) runs on a worker thread of the CPU pool.
   */
  async function prepare(file: UploadedFile): Promise<PreparedFile> {
    const upload = await deps.cpu.run(readUploadTask, { filename: file.filename, data: file.data });
    if (upload.kind === 'template') {
      const { template } = upload;
      return {
        entries: templateEntries(template.period, template.sheets),
        source: 'xlsx',
        emptyRow: 3,
        template: { period: template.period },
      };
    }
    const { table, source } = upload;
    const headerProblems = flatHeaderProblems(table.headers);
    if (headerProblems.length > 0) throw refuse(headerProblems);
    const extra = table.rows
      .filter((r) => r.cells['__extra__'])
      .map((r) => ({ row: r.row, column: null, ...described(msg('import.extra_cells')) }));
    if (extra.length > 0) throw refuse(extra);
    return { entries: flatEntries(table.headers, table.rows), source, emptyRow: 2 };
  }

  return {
    /** A CSV file, a flat XLSX file or a filled template, imported at once; all values or none. */
    async importFile(actor: Actor, file: UploadedFile, options: { dryRun: boolean }): Promise<ImportResult> {
      const prepared = await prepare(file);
      return run(
        actor,
        prepared.entries,
        prepared.source,
        options.dryRun,
        prepared.emptyRow,
        prepared.template,
      );
    },

    /**
     * An upload: a check, or a file of up to `syncLimit` values, is imported at once; a larger file is checked
     * in full now (every problem reported, nothing written), then stored and written by a job, so the request
     * never waits for the whole write.
     */
    async startFileImport(
      actor: Actor,
      file: UploadedFile,
      options: { dryRun: boolean },
    ): Promise<{ done: ImportResult } | { queued: DataImportQueued }> {
      const prepared = await prepare(file);
      const { entries, source, emptyRow, template } = prepared;
      if (options.dryRun || entries.length <= syncLimit)
        return { done: await run(actor, entries, source, options.dryRun, emptyRow, template) };
      // Every refusal now, while the user waits; the diff and the checks are left to the job that writes.
      await run(actor, entries, source, 'validate-only', emptyRow, template);
      const jobId = await deps.tx.run(async (ex) => {
        const uploadId = await deps.files.store(
          ex,
          {
            filename: file.filename,
            contentType: source === 'csv' ? csvContentType : xlsxContentType,
            data: file.data,
          },
          actor.userId,
        );
        await deps.audit.record(ex, actor, {
          action: 'data.import_queued',
          entityType: 'upload',
          entityId: uploadId,
          after: { filename: file.filename, rows: entries.length },
        });
        if (actor.userId === null) throw new Error('a queued import needs a signed-in user');
        return enqueueJob(
          ex,
          dataImportJob,
          { uploadId, actorId: actor.userId },
          { createdBy: actor.userId },
        );
      });
      return { queued: { jobId, rows: entries.length } };
    },

    /** The job's work: the stored file, read and checked again, written all or nothing. */
    async applyStoredFile(actor: Actor, uploadId: string): Promise<ImportResult> {
      const upload = await deps.files.get(uploadId);
      const prepared = await prepare({ filename: upload.filename, data: upload.data });
      return run(actor, prepared.entries, prepared.source, false, prepared.emptyRow, prepared.template);
    },

    /** The state of a queued import, for the user who started it (administrators see every one). */
    async getImportJob(actor: Actor, jobId: string): Promise<DataImportJob> {
      const job = await deps.jobs.get(jobId);
      if (
        job.name !== dataImportJob.name ||
        (job.createdBy !== actor.userId && actor.role !== 'administrator')
      )
        throw new AppError('NOT_FOUND', msg('not_found', { entity: 'import' }));
      const failed = job.status === 'failed' || job.status === 'dead';
      // A failure is shown by its catalogued code and parameters, never by the text the server logged.
      const code = job.error?.code ?? 'JOB_FAILED';
      return {
        jobId: job.id,
        status: job.status,
        result: job.status === 'succeeded' ? (job.result as ImportResult | null) : null,
        error: failed
          ? {
              code,
              message: renderMessage({ key: `error.${code}`, params: job.error?.params ?? {} }, 'en'),
              details: job.error?.params ?? null,
            }
          : null,
      };
    },

    /** A JSON value set from another system; problems name `values[i].field`. */
    async importValueSet(actor: Actor, request: ValueSetRequest): Promise<ImportResult> {
      return run(actor, jsonEntries(request.values), 'api', request.dryRun ?? false, 1);
    },
  };
}
