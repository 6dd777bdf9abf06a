import { fileURLToPath } from 'node:url';
import type { LocalisedName } from '#shared/contracts/common.contract';
import type { AuditNameSource } from './modules/audit/audit.types';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { createTransactor, type Transactor } from './db/transaction';
import type { JobDefinition } from './jobs/job-definition';
import type { SystemSchedule } from './jobs/schedules';
import { cpuTasksEntry, createCpuPool, type CpuPool } from './lib/cpu-pool';

import { createMetrics, type Metrics } from './http/metrics';
import { createAgencyService, type AgencyService } from './modules/agencies/agency.service';
import { createAuditService, type AuditService } from './modules/audit/audit.service';
import { authSchedules, createAuthJobs } from './modules/auth/auth.jobs';
import { createAuthService, type AuthService } from './modules/auth/auth.service';
import { createBackupService, type BackupService } from './modules/backup/backup.service';
import { createUserService, type UserService } from './modules/auth/user.service';
import { createFileService, type FileService } from './modules/files/file.service';
import { createExplorerService, type ExplorerService } from './modules/explorer/explorer.service';
import { createApprovalService, type ApprovalService } from './modules/approvals/approval.service';
import {
  createCompletenessService,
  type CompletenessService,
} from './modules/approvals/completeness.service';
import { createDemoJobs } from './modules/demo-data/demo.jobs';
import { createDemoService, type DemoService } from './modules/demo-data/demo.service';
import { createBoundService, type BoundService } from './modules/values/bound.service';
import { createValueService, type ValueService } from './modules/values/value.service';
import { createImportService, type ImportService } from './modules/imports/import.service';
import { createImportJobs } from './modules/imports/import.jobs';
import { createTemplateService, type TemplateService } from './modules/imports/template.service';
import { createCatalogueService, type CatalogueService } from './modules/indicators/catalogue.service';
import { createJobService, type JobService } from './modules/jobs/job.service';
import { createScheduleService, type ScheduleService } from './modules/jobs/schedule.service';
import { createTerritoryJobs } from './modules/territories/territory.jobs';
import { createTerritoryService, type TerritoryService } from './modules/territories/territory.service';

export type Services = {
  audit: AuditService;
  auth: AuthService;
  users: UserService;
  agencies: AgencyService;
  territories: TerritoryService;
  catalogue: CatalogueService;
  files: FileService;
  jobs: JobService;
  schedules: ScheduleService;
  backup: BackupService;
  explorer: ExplorerService;
  values: ValueService;
  dataImports: ImportService;
  dataTemplates: TemplateService;
  bounds: BoundService;
  approvals: ApprovalService;
  completeness: CompletenessService;
  demo: DemoService;
};

export type Container = {
  config: Config;
  database: DatabaseHandle;
  tx: Transactor;
  services: Services;
  jobDefinitions: JobDefinition[];
  /** Schedules the modules ship, registered at every start (boot.ts). */
  systemSchedules: SystemSchedule[];
  /** Worker threads for CPU-bound work; threads start on first use. */
  cpu: CpuPool;
  metrics: Metrics;
};

/** Where the shipped reference data lives: two levels above this file both in src/server and dist/server. */
export const defaultReferenceDataDir = fileURLToPath(new URL('../../reference-data/kg', import.meta.url));

const nothing = async () => new Map<string, never>();
const emptyNameSource: AuditNameSource = {
  users: nothing,
  territories: nothing,
  agencies: nothing,
  catalogue: async () => ({ elements: new Map(), indicators: new Map(), rules: new Map() }),
};

/** The composition root: database → services, wired by hand with only what each one uses. */
export function createContainer(
  config: Config,
  database: DatabaseHandle,
  options: { referenceDataDir?: string } = {},
): Container {
  const tx = createTransactor(database.db);
  const cpu = createCpuPool({ entry: cpuTasksEntry, threads: config.cpuThreads });
  // The audit log shows names instead of ids; the services that own them are built below, so the source
  // of names is bound late (it is only asked when the log is read).
  const named: { source?: AuditNameSource } = {};
  const audit = createAuditService({ tx, names: () => named.source ?? emptyNameSource });
  const files = createFileService({ tx });
  const agencies = createAgencyService({ tx, audit });
  // The catalogue asks the data-values module whether an element has values; that module is built from
  // the catalogue, so the question is bound late, once both exist.
  const late: { values?: ValueService } = {};
  const catalogue = createCatalogueService({
    tx,
    audit,
    agencies,
    elementHasValues: async (id) => (late.values ? late.values.elementHasValues(id) : false),
  });
  const territories = createTerritoryService({
    tx,
    audit,
    changes: database.changes,
    files,
    cpu,
    referenceDataDir: options.referenceDataDir ?? defaultReferenceDataDir,
  });
  const auth = createAuthService({
    tx,
    audit,
    changes: database.changes,
    policy: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
      loginMaxFailures: config.loginMaxFailures,
      loginLockMinutes: config.loginLockMinutes,
      loginIpLimit: config.loginIpLimit,
    },
  });
  const users = createUserService({
    tx,
    audit,
    changes: database.changes,
    scopes: { agencyExists: (id) => agencies.exists(id), territoryExists: (id) => territories.exists(id) },
  });
  const jobs = createJobService({ tx });
  const schedules = createScheduleService({ tx, audit });
  const backup = createBackupService({ tx, audit });
  const explorer = createExplorerService({
    tx,
    catalogue,
    territories,
    maxCells: config.explorerMaxCells,
  });
  const values = createValueService({ tx, audit, agencies, catalogue, territories });
  late.values = values;
  const dataTemplates = createTemplateService({ tx, catalogue, territories, agencies });
  const dataImports = createImportService({
    tx,
    audit,
    files,
    jobs,
    catalogue,
    territories,
    templates: dataTemplates,
    values,
    cpu,
  });
  const bounds = createBoundService({ tx, audit, catalogue, territories });
  const approvals = createApprovalService({ tx, audit, agencies, territories, catalogue, users });
  const completeness = createCompletenessService({ tx, catalogue, territories, approvals });
  const demo = createDemoService({ tx, audit, catalogue, territories, agencies, jobs, users, approvals });
  named.source = {
    users: (ids) => users.displayNamesOf(ids),
    territories: async (ids) => {
      const wanted = new Set(ids);
      const { items } = await territories.list();
      return new Map(items.filter((t) => wanted.has(t.id)).map((t) => [t.id, t.name]));
    },
    agencies: async (ids) => {
      const wanted = new Set(ids);
      const { items } = await agencies.list();
      return new Map(items.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.shortName]));
    },
    catalogue: async (ids) => {
      const all = await catalogue.getCatalogue();
      const pick = (list: Array<{ id: string; name: LocalisedName }>, wanted: readonly string[]) => {
        const set = new Set(wanted);
        return new Map(list.filter((x) => set.has(x.id)).map((x) => [x.id, x.name]));
      };
      return {
        elements: pick(all.dataElements, ids.elements),
        indicators: pick(all.indicators, ids.indicators),
        rules: pick(all.validationRules, ids.rules),
      };
    },
  };
  return {
    config,
    database,
    tx,
    services: {
      audit,
      auth,
      users,
      agencies,
      territories,
      catalogue,
      files,
      jobs,
      schedules,
      backup,
      explorer,
      values,
      dataImports,
      dataTemplates,
      bounds,
      approvals,
      completeness,
      demo,
    },
    jobDefinitions: [
      ...createAuthJobs(auth),
      ...createTerritoryJobs(territories),
      ...createDemoJobs(demo),
      ...createImportJobs(dataImports, users),
    ],
    systemSchedules: [...authSchedules],
    cpu,
    metrics: createMetrics(),
  };
}
