import type {
  CreateTerritoryRequest,
  Population,
  PopulationImportAccepted,
  Territory,
  TerritoryDetail,
  TerritoryList,
  UpdateTerritoryRequest,
  UpsertPopulationRequest,
} from '#shared/contracts/territories.contract';
import type { ChangeFeed } from '#server/db/change-feed';
import type { Executor, Transactor } from '#server/db/transaction';
import { enqueueJob } from '#server/jobs/queue';
import { described, msg } from '#shared/messages/catalogue';
import { AppError, found } from '#server/lib/app-error';
import { announcingChanges, createChangeCache } from '#server/lib/change-cache';
import { isUniqueViolation } from '#server/lib/pg-errors';
import type { CpuPool } from '#server/lib/cpu-pool';
import { csvContentType, writeCsv } from '#server/lib/documents/csv-write';
import { readTabularFileTask } from '#server/lib/documents/tabular-file.task';
import { writeXlsx, xlsxContentType } from '#server/lib/documents/xlsx-write';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '#server/lib/actor';
import type { FileService, IncomingFile } from '../files/file.service';
import {
  populationColumns,
  validatePopulationRows,
  type PopulationImportRow,
} from './population-import.rules';
import { denominatorResolver, populationHistories, type DenominatorOptions } from './population-policy.rules';
import { readReferenceData } from './reference-data';
import { presentPopulation, presentTerritory } from './territory.presenter';
import { createTerritoryRepository } from './territory.repository';
import { populationImportJob, type DenominatorLookup, type PopulationImportSummary } from './territory.types';

export type TerritoryService = ReturnType<typeof createTerritoryService>;

const samePopulation = (a: Population | undefined, b: PopulationImportRow) =>
  a !== undefined &&
  a.total === b.total &&
  a.male === b.male &&
  a.female === b.female &&
  a.age0to17 === b.minors &&
  a.age14to35 === b.youth &&
  a.source === b.source &&
  a.isEstimate === b.isEstimate &&
  a.kind === b.kind &&
  a.referenceDate === b.referenceDate &&
  a.flag === b.flag;

/** Territories, their hierarchy and population. */
export function createTerritoryService(deps: {
  tx: Transactor;
  audit: AuditService;
  files: FileService;
  /** Worker threads: uploaded files are parsed there, off the event loop. */
  cpu: Pick<CpuPool, 'run'>;
  referenceDataDir: string;
  /** Changes to territories, so the list (read by nearly every request) is kept in memory between them. */
  changes: ChangeFeed;
}) {
  // Writes of territory rows: this process forgets the cached list at once after each.
  const territoryTx = announcingChanges(deps.tx, deps.changes, 'territories');
  // Frozen, since every caller shares the one cached list.
  const listCache = createChangeCache<'all', TerritoryList>(deps.changes, 'territories', { maxEntries: 1 });
  // Writes of population figures, and the histories every rate query reads (kept until a figure changes;
  // built for one territory list, so a changed list builds them again).
  const populationTx = announcingChanges(deps.tx, deps.changes, 'population');
  const historiesCache = createChangeCache<
    'all',
    { list: TerritoryList; histories: ReturnType<typeof populationHistories> }
  >(deps.changes, 'population', { maxEntries: 1 });
  const allowedParents: Record<string, string[]> = {
    oblast: ['country'],
    city_republican: ['country'],
    district: ['oblast'],
    city_oblast: ['oblast'],
    country: [],
  };

  const validate = async (executor: Executor, file: IncomingFile) => {
    // Parsed on a worker thread; a workbook is opened through the zip-bomb guard first (413).
    const table = await deps.cpu.run(readTabularFileTask, { filename: file.filename, data: file.data });
    const codes = await createTerritoryRepository(executor).codeToId();
    return { ...validatePopulationRows(table.headers, table.rows, new Set(codes.keys())), codes };
  };

  // Never reports progress from inside its transaction: on the embedded database the transaction holds the
  // only connection, so a progress write (made on the pool) would wait for it forever.
  const applyRows = async (actor: Actor, rows: PopulationImportRow[]): Promise<PopulationImportSummary> => {
    const summary: PopulationImportSummary = { rowCount: rows.length, inserted: 0, updated: 0, unchanged: 0 };
    await populationTx.run(async (ex) => {
      const territories = createTerritoryRepository(ex);
      const codes = await territories.codeToId();
      for (const row of rows) {
        const territoryId = codes.get(row.code);
        // The territory was deleted or recoded since validation: stop, and the transaction rolls back.
        if (!territoryId)
          throw new AppError('IMPORT_INVALID', undefined, {
            problems: [
              {
                row: row.row,
                column: 'code',
                ...described(msg('population.code_unknown', { code: row.code })),
              },
            ],
          });
        const existing = await territories.findPopulation(territoryId, row.year);
        const before = existing ? presentPopulation(existing) : undefined;
        if (samePopulation(before, row)) {
          summary.unchanged++;
          continue;
        }
        const saved = await territories.upsertPopulation({
          territoryId,
          year: row.year,
          total: row.total,
          male: row.male,
          female: row.female,
          minors: row.minors,
          youth: row.youth,
          source: row.source,
          isEstimate: row.isEstimate,
          kind: row.kind,
          referenceDate: row.referenceDate,
          flag: row.flag,
        });
        if (existing) summary.updated++;
        else summary.inserted++;
        await deps.audit.record(ex, actor, {
          action: 'population.imported',
          entityType: 'population',
          entityId: `${territoryId}/${row.year}`,
          before: before ?? null,
          after: presentPopulation(saved),
        });
      }
    });
    return summary;
  };

  return {
    /** Every territory, parents before children; the same frozen object until a territory changes. */
    list(): Promise<TerritoryList> {
      return listCache.getOrLoad('all', async () => {
        const items = (await createTerritoryRepository(deps.tx.executor).listAll()).map(presentTerritory);
        for (const item of items)
          Object.freeze(Object.freeze(item.name) && Object.freeze(item.variants) && item);
        return Object.freeze({ items: Object.freeze(items) as Territory[] });
      });
    },

    async exists(id: string): Promise<boolean> {
      return (await createTerritoryRepository(deps.tx.executor).findById(id)) !== undefined;
    },

    /** A territory with its ancestors (country first), children and population by year. */
    async getDetail(id: string): Promise<TerritoryDetail> {
      const territories = createTerritoryRepository(deps.tx.executor);
      const territory = found(await territories.findById(id), 'Territory');
      const ancestors = [];
      let parentId = territory.parentId;
      while (parentId) {
        const parent = await territories.findById(parentId);
        if (!parent) break;
        ancestors.unshift(presentTerritory(parent));
        parentId = parent.parentId;
      }
      return {
        territory: presentTerritory(territory),
        ancestors,
        children: (await territories.listChildren(id)).map(presentTerritory),
        population: (await territories.listPopulation(id)).map(presentPopulation),
      };
    },

    /**
     * The denominator lookup of one query (the policy of population-policy.rules.ts over every stored figure):
     * read at query time, so a figure entered later replaces an estimate at once, with nothing to rebuild.
     */
    async denominators(options: DenominatorOptions): Promise<DenominatorLookup> {
      const list = await this.list();
      const cached = historiesCache.get('all');
      if (cached?.list === list) return denominatorResolver(cached.histories, options);
      const since = historiesCache.version();
      const territories = createTerritoryRepository(deps.tx.executor);
      const [rows, points] = await Promise.all([
        territories.listAllPopulation(),
        territories.listPopulationPoints(),
      ]);
      const histories = populationHistories(list.items, rows, points);
      historiesCache.set('all', { list, histories }, since);
      return denominatorResolver(histories, options);
    },

    /** Ids of a territory and every territory below it (used for regional officers' scope). */
    async subtreeIds(id: string): Promise<string[]> {
      const all = await createTerritoryRepository(deps.tx.executor).listAll();
      const ids = [id];
      for (let i = 0; i < ids.length; i++) for (const t of all) if (t.parentId === ids[i]) ids.push(t.id);
      return ids;
    },

    async create(actor: Actor, input: CreateTerritoryRequest): Promise<Territory> {
      return territoryTx.run(async (ex) => {
        const territories = createTerritoryRepository(ex);
        const parent = await territories.findById(input.parentId);
        if (!parent)
          throw new AppError('VALIDATION_FAILED', msg('territory.parent_missing'), {
            field: 'parentId',
          });
        if (!(allowedParents[input.level] ?? []).includes(parent.level)) {
          throw new AppError('VALIDATION_FAILED', msg('territory.parent_level_invalid'), {
            field: 'parentId',
          });
        }
        try {
          const row = await territories.insert({
            code: input.code,
            isoCode: input.isoCode ?? null,
            level: input.level,
            parentId: input.parentId,
            nameKy: input.name.ky,
            nameRu: input.name.ru,
            nameEn: input.name.en,
            variants: input.variants ?? [],
            adminCenter: input.adminCenter ?? null,
            notes: input.notes ?? null,
          });
          const created = presentTerritory(row);
          await deps.audit.record(ex, actor, {
            action: 'territory.created',
            entityType: 'territory',
            entityId: row.id,
            after: created,
          });
          return created;
        } catch (error) {
          if (isUniqueViolation(error))
            throw new AppError('TERRITORY_CODE_TAKEN', undefined, { field: 'code' });
          throw error;
        }
      });
    },

    async update(actor: Actor, id: string, input: UpdateTerritoryRequest): Promise<Territory> {
      return territoryTx.run(async (ex) => {
        const territories = createTerritoryRepository(ex);
        const before = presentTerritory(found(await territories.findById(id), 'Territory'));
        try {
          const row = await territories.update(id, {
            isoCode: input.isoCode,
            ...(input.name ? { nameKy: input.name.ky, nameRu: input.name.ru, nameEn: input.name.en } : {}),
            variants: input.variants,
            adminCenter: input.adminCenter,
            notes: input.notes,
          });
          const after = presentTerritory(row);
          await deps.audit.record(ex, actor, {
            action: 'territory.updated',
            entityType: 'territory',
            entityId: id,
            before,
            after,
          });
          return after;
        } catch (error) {
          if (isUniqueViolation(error))
            throw new AppError('TERRITORY_CODE_TAKEN', msg('territory.iso_code_taken'), {
              field: 'isoCode',
            });
          throw error;
        }
      });
    },

    async upsertPopulation(
      actor: Actor,
      id: string,
      year: number,
      input: UpsertPopulationRequest,
    ): Promise<Population> {
      const counts = {
        total: input.total,
        male: input.male ?? null,
        female: input.female ?? null,
        minors: input.age0to17 ?? null,
        youth: input.age14to35 ?? null,
      };
      // As in imports: a year without any figure is absent, never stored as an empty row.
      if (Object.values(counts).every((v) => v === null))
        throw new AppError('VALIDATION_FAILED', msg('population.no_figure'), {
          field: 'total',
        });
      if (counts.total !== null) {
        if (counts.male !== null && counts.female !== null && counts.male + counts.female !== counts.total) {
          throw new AppError(
            'VALIDATION_FAILED',
            msg('population.sexes_differ_from_total', {
              sum: counts.male + counts.female,
              total: counts.total,
            }),
            { field: 'total' },
          );
        }
        for (const [field, value, column] of [
          ['male', counts.male, 'male'],
          ['female', counts.female, 'female'],
          ['age0to17', counts.minors, 'age_0_17'],
          ['age14to35', counts.youth, 'age_14_35'],
        ] as const) {
          if (value !== null && value > counts.total)
            throw new AppError(
              'VALIDATION_FAILED',
              msg('population.part_exceeds_total', {
                column: msg(`population.column.${column}`),
                value,
                total: counts.total,
              }),
              { field },
            );
        }
      }
      const kind = input.kind ?? 'jan1';
      const january = `${year}-01-01`;
      const referenceDate = input.referenceDate ?? (kind === 'jan1' ? january : null);
      if (
        referenceDate !== null &&
        (!referenceDate.startsWith(`${year}-`) || (kind === 'jan1' && referenceDate !== january))
      )
        throw new AppError(
          'VALIDATION_FAILED',
          msg('population.reference_date_invalid', { text: referenceDate, year: String(year) }),
          { field: 'referenceDate' },
        );
      return populationTx.run(async (ex) => {
        const territories = createTerritoryRepository(ex);
        found(await territories.findById(id), 'Territory');
        const existing = await territories.findPopulation(id, year);
        const saved = await territories.upsertPopulation({
          territoryId: id,
          year,
          ...counts,
          source: input.source,
          isEstimate: input.isEstimate ?? false,
          kind,
          referenceDate,
          flag: input.flag ?? null,
        });
        const after = presentPopulation(saved);
        await deps.audit.record(ex, actor, {
          action: existing ? 'population.updated' : 'population.created',
          entityType: 'population',
          entityId: `${id}/${year}`,
          before: existing ? presentPopulation(existing) : null,
          after,
        });
        return after;
      });
    },

    async deletePopulation(actor: Actor, id: string, year: number): Promise<void> {
      await populationTx.run(async (ex) => {
        const territories = createTerritoryRepository(ex);
        const existing = found(await territories.findPopulation(id, year), 'Population figure');
        await territories.deletePopulation(id, year);
        await deps.audit.record(ex, actor, {
          action: 'population.deleted',
          entityType: 'population',
          entityId: `${id}/${year}`,
          before: presentPopulation(existing),
        });
      });
    },

    /**
     * Checks an uploaded population file at once (so the uploader sees every bad row straight away), then
     * stores it and queues a job that applies it. Nothing is written when the file has a problem.
     */
    async startPopulationImport(actor: Actor, file: IncomingFile): Promise<PopulationImportAccepted> {
      const { rows, problems } = await validate(deps.tx.executor, file);
      if (problems.length > 0)
        throw new AppError('IMPORT_INVALID', msg('population.file_invalid', { count: problems.length }), {
          problems,
        });
      const jobId = await deps.tx.run(async (ex) => {
        const uploadId = await deps.files.store(ex, file, actor.userId);
        await deps.audit.record(ex, actor, {
          action: 'population.import_queued',
          entityType: 'upload',
          entityId: uploadId,
          after: { filename: file.filename, rowCount: rows.length },
        });
        return enqueueJob(
          ex,
          populationImportJob,
          { uploadId, actorId: actor.userId, actorUsername: actor.username },
          { createdBy: actor.userId },
        );
      });
      return { jobId, rowCount: rows.length };
    },

    /** Applies a stored population file (the job's work): validated again, then written in one transaction. */
    async applyStoredPopulationImport(
      actor: Actor,
      uploadId: string,
      reportProgress?: (fraction: number) => Promise<void>,
    ): Promise<PopulationImportSummary> {
      const upload = await deps.files.get(uploadId);
      return this.importPopulationFile(
        actor,
        { filename: upload.filename, contentType: upload.contentType, data: upload.data },
        reportProgress,
      );
    },

    /** Validates and applies a population file in one go (the CLI's path). All rows or none. */
    async importPopulationFile(
      actor: Actor,
      file: IncomingFile,
      reportProgress?: (fraction: number) => Promise<void>,
    ): Promise<PopulationImportSummary> {
      const { rows, problems } = await validate(deps.tx.executor, file);
      if (problems.length > 0)
        throw new AppError('IMPORT_INVALID', msg('population.file_invalid', { count: problems.length }), {
          problems,
        });
      await reportProgress?.(0.5);
      const summary = await applyRows(actor, rows);
      await reportProgress?.(1);
      return summary;
    },

    /** A template for population files, with the current figures filled in. */
    async populationTemplate(
      format: 'csv' | 'xlsx',
    ): Promise<{ filename: string; contentType: string; data: Buffer }> {
      const territories = createTerritoryRepository(deps.tx.executor);
      const all = await territories.listAll();
      const rows: Array<Array<string | number | null>> = [];
      for (const t of all) {
        for (const p of await territories.listPopulation(t.id)) {
          rows.push([
            t.code,
            p.year,
            p.total,
            p.male,
            p.female,
            p.minors,
            p.youth,
            p.source,
            p.isEstimate ? 'yes' : 'no',
            p.kind,
            p.referenceDate,
            p.flag,
          ]);
        }
      }
      const headers = [...populationColumns];
      if (format === 'xlsx') {
        return {
          filename: 'population-template.xlsx',
          contentType: xlsxContentType,
          data: await writeXlsx('population', headers, rows),
        };
      }
      return {
        filename: 'population-template.csv',
        contentType: csvContentType,
        data: writeCsv([headers, ...rows]),
      };
    },

    /**
     * Loads the shipped Kyrgyz reference data: adds territories and population figures that are missing and
     * never overwrites what an administrator has changed. Safe to run on every start.
     */
    async loadReferenceData(actor: Actor): Promise<{ territories: number; population: number }> {
      const data = await readReferenceData(deps.referenceDataDir);
      return territoryTx.run(async (ex) => {
        const territories = createTerritoryRepository(ex);
        const codes = await territories.codeToId();
        let addedTerritories = 0;
        let addedPopulation = 0;
        for (const ref of data.territories) {
          if (codes.has(ref.code)) continue;
          const parentId = ref.parentCode ? codes.get(ref.parentCode) : null;
          if (ref.parentCode && !parentId)
            throw new Error(`Reference territory ${ref.code}: parent ${ref.parentCode} not loaded before it`);
          const row = await territories.insert({
            code: ref.code,
            isoCode: ref.isoCode,
            level: ref.level,
            parentId: parentId ?? null,
            nameKy: ref.name.ky,
            nameRu: ref.name.ru,
            nameEn: ref.name.en,
            variants: ref.variants,
            adminCenter: ref.adminCenter,
            notes: ref.notes,
          });
          codes.set(ref.code, row.id);
          addedTerritories++;
          await deps.audit.record(ex, actor, {
            action: 'territory.created',
            entityType: 'territory',
            entityId: row.id,
            after: presentTerritory(row),
          });
        }
        // The shipped file goes through the rules of an administrator's file: one figure per year is kept.
        const checked = validatePopulationRows(
          data.population.headers,
          data.population.rows,
          new Set(codes.keys()),
        );
        if (checked.problems.length > 0)
          throw new Error(
            `kg-population.csv: ${checked.problems.map((p) => `row ${p.row} ${p.column ?? ''}: ${p.message}`).join('; ')}`,
          );
        for (const ref of checked.rows) {
          const territoryId = codes.get(ref.code);
          if (!territoryId) throw new Error(`Reference population for unknown territory ${ref.code}`);
          if (await territories.findPopulation(territoryId, ref.year)) continue;
          const saved = await territories.upsertPopulation({
            territoryId,
            year: ref.year,
            total: ref.total,
            male: ref.male,
            female: ref.female,
            minors: ref.minors,
            youth: ref.youth,
            source: ref.source,
            isEstimate: ref.isEstimate,
            kind: ref.kind,
            referenceDate: ref.referenceDate,
            flag: ref.flag,
          });
          addedPopulation++;
          await deps.audit.record(ex, actor, {
            action: 'population.created',
            entityType: 'population',
            entityId: `${territoryId}/${ref.year}`,
            after: presentPopulation(saved),
          });
        }
        for (const point of data.populationPoints) {
          const territoryId = codes.get(point.code);
          if (!territoryId) throw new Error(`Reference population for unknown territory ${point.code}`);
          const { code: _code, ...values } = point;
          if (!(await territories.addPopulationPoint({ territoryId, ...values }))) continue;
          addedPopulation++;
          await deps.audit.record(ex, actor, {
            action: 'population.created',
            entityType: 'population',
            entityId: `${territoryId}/${point.referenceDate}`,
            after: values,
          });
        }
        return { territories: addedTerritories, population: addedPopulation };
      });
    },
  };
}
