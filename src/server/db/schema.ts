import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import type { JobStatus } from '#shared/contracts/jobs.contract';
import type { PopulationFlag, PopulationKind } from '#shared/domain/population';

/**
 * The database as TypeScript sees it (camelCase through Kysely's CamelCasePlugin). Kept by hand beside
 * the migrations; a test checks every table and column here exists in the migrated database.
 */
type Timestamp = Date;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type AgencyTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  shortKy: string;
  shortRu: string;
  shortEn: string;
  isActive: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type TerritoryTable = {
  id: Generated<string>;
  code: string;
  isoCode: string | null;
  level: string;
  parentId: string | null;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  variants: Generated<string[]>;
  adminCenter: string | null;
  notes: string | null;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type PopulationTable = {
  territoryId: string;
  year: number;
  total: number | null;
  male: number | null;
  female: number | null;
  /** Population aged 0–17. */
  minors: number | null;
  /** Population aged 14–35 (the youth group of national statistics). */
  youth: number | null;
  source: string;
  isEstimate: Generated<boolean>;
  /** A resident population on 1 January, or a census-day count. */
  kind: Generated<PopulationKind>;
  /** The day the figure refers to (`YYYY-MM-DD`); null when the source does not say. */
  referenceDate: string | null;
  flag: PopulationFlag | null;
  updatedAt: Generated<Timestamp>;
};

/** The national population at a date other than 1 January (an input to estimates, never a denominator itself). */
export type PopulationPointTable = {
  territoryId: string;
  referenceDate: string;
  total: number;
  source: string;
  updatedAt: Generated<Timestamp>;
};

export type AppUserTable = {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  agencyId: string | null;
  territoryId: string | null;
  locale: string;
  passwordHash: string;
  isDisabled: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type UserSessionTable = {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Generated<Timestamp>;
  lastSeenAt: Generated<Timestamp>;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
};

export type LoginAttemptTable = {
  id: Generated<number>;
  ip: string;
  username: string;
  succeeded: boolean;
  at: Generated<Timestamp>;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: Generated<Timestamp>;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Json;
  after: Json;
  requestId: string | null;
  ip: string | null;
};

export type JobTable = {
  id: Generated<string>;
  name: string;
  version: number;
  payload: Json;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  runAt: Generated<Timestamp>;
  lockedBy: string | null;
  lockedAt: Timestamp | null;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  progress: number | null;
  result: Json;
  /** The last failure as a catalogued error `{code, params}`; never raw database or stack text. */
  error: Json;
  /** While a job with this key is queued or running, enqueueing the key again returns that job. */
  dedupeKey: string | null;
  createdBy: string | null;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type JobScheduleTable = {
  id: Generated<string>;
  name: string;
  jobName: string;
  jobVersion: number;
  maxAttempts: number;
  payload: Json;
  /** A cron expression, evaluated in `timezone`; exactly one of cron and intervalSeconds is set. */
  cron: string | null;
  intervalSeconds: number | null;
  timezone: Generated<string>;
  enabled: Generated<boolean>;
  nextRunAt: Timestamp | null;
  lastRunAt: Timestamp | null;
  lastJobId: string | null;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type UploadTable = {
  id: Generated<string>;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdBy: string | null;
  createdAt: Generated<Timestamp>;
};

export type CategoryTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type CategoryOptionTable = {
  id: Generated<string>;
  categoryId: string;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  sortOrder: Generated<number>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type CategoryComboTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type CategoryComboCategoryTable = {
  comboId: string;
  categoryId: string;
  position: number;
};

export type DataElementTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  description: Generated<string>;
  agencyId: string;
  unit: string;
  valueType: string;
  periodType: string;
  categoryComboId: string;
  aggregationTime: string;
  aggregationTerritory: string;
  /** 'leaf' or a territory level: where the element's figures are entered (202612072100). */
  reportedLevel: Generated<string>;
  allowsNegative: Generated<boolean>;
  direction: string;
  isActive: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type IndicatorTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  description: Generated<string>;
  unit: string;
  direction: string;
  decimals: Generated<number>;
  isActive: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

/**
 * `validFrom`/`validTo` are SQL `date`s written as `YYYY-MM-DD`; the repository reads them back as text
 * (`to_char`) so no driver turns them into a local-time Date.
 */
export type IndicatorVersionTable = {
  id: Generated<string>;
  indicatorId: string;
  version: number;
  formula: string;
  validFrom: string;
  validTo: string | null;
  createdBy: string | null;
  createdAt: Generated<Timestamp>;
};

export type ValidationRuleTable = {
  id: Generated<string>;
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  description: Generated<string>;
  leftSide: string;
  operator: string;
  rightSide: string;
  importance: string;
  periodType: string;
  isActive: Generated<boolean>;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

/** `periodStart` is an SQL `date`; repositories read it back as text (`to_char`), like indicator versions. */
export type DataValueTable = {
  dataElementId: string;
  period: string;
  territoryId: string;
  disaggregation: Generated<string>;
  periodStart: string;
  value: number;
  comment: string | null;
  flag: string | null;
  source: string;
  isSynthetic: Generated<boolean>;
  updatedBy: string | null;
  updatedAt: Generated<Timestamp>;
};

/**
 * Derived: the total of each stored (element, period, territory) over its disaggregation cells, kept by
 * database triggers in the transaction of every change of data_value. Never written by application code.
 * `value` is SQL numeric (read as text by the driver).
 */
export type DataValueTotalTable = {
  dataElementId: string;
  period: string;
  territoryId: string;
  periodStart: string;
  value: string;
  cells: number;
  syntheticCells: number;
};

export type DataValueHistoryTable = {
  id: Generated<string>;
  dataElementId: string;
  period: string;
  territoryId: string;
  disaggregation: string;
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
  oldFlag: string | null;
  newFlag: string | null;
  source: string;
  changedBy: string | null;
  changedByUsername: string | null;
  changedAt: Generated<Timestamp>;
};

export type ValueBoundTable = {
  id: Generated<string>;
  dataElementId: string;
  territoryId: string | null;
  minValue: number | null;
  maxValue: number | null;
  createdAt: Generated<Timestamp>;
  updatedAt: Generated<Timestamp>;
};

export type DataApprovalTable = {
  agencyId: string;
  territoryId: string;
  period: string;
  status: ApprovalStatus;
  submittedBy: string | null;
  submittedAt: Timestamp | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  reason: string | null;
  updatedAt: Generated<Timestamp>;
};

export type ReportingDeadlineTable = {
  agencyId: string;
  periodType: string;
  daysAfterEnd: number;
  updatedAt: Generated<Timestamp>;
};

export type Database = {
  agency: AgencyTable;
  territory: TerritoryTable;
  population: PopulationTable;
  populationPoint: PopulationPointTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  loginAttempt: LoginAttemptTable;
  auditLog: AuditLogTable;
  job: JobTable;
  jobSchedule: JobScheduleTable;
  upload: UploadTable;
  category: CategoryTable;
  categoryOption: CategoryOptionTable;
  categoryCombo: CategoryComboTable;
  categoryComboCategory: CategoryComboCategoryTable;
  dataElement: DataElementTable;
  indicator: IndicatorTable;
  indicatorVersion: IndicatorVersionTable;
  validationRule: ValidationRuleTable;
  dataValue: DataValueTable;
  dataValueHistory: DataValueHistoryTable;
  dataValueTotal: DataValueTotalTable;
  valueBound: ValueBoundTable;
  dataApproval: DataApprovalTable;
  reportingDeadline: ReportingDeadlineTable;
};

export type AgencyRow = Selectable<AgencyTable>;
export type TerritoryRow = Selectable<TerritoryTable>;
export type NewTerritoryRow = Insertable<TerritoryTable>;
export type TerritoryUpdate = Updateable<TerritoryTable>;
export type PopulationRow = Selectable<PopulationTable>;
export type PopulationPointRow = Selectable<PopulationPointTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type JobRow = Selectable<JobTable>;
export type JobScheduleRow = Selectable<JobScheduleTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type CategoryOptionRow = Selectable<CategoryOptionTable>;
export type CategoryComboRow = Selectable<CategoryComboTable>;
export type CategoryComboCategoryRow = Selectable<CategoryComboCategoryTable>;
export type DataElementRow = Selectable<DataElementTable>;
export type NewDataElementRow = Insertable<DataElementTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type IndicatorVersionRow = Selectable<IndicatorVersionTable>;
export type ValidationRuleRow = Selectable<ValidationRuleTable>;
export type NewValidationRuleRow = Insertable<ValidationRuleTable>;
export type DataValueRow = Selectable<DataValueTable>;
export type NewDataValueRow = Insertable<DataValueTable>;
export type DataValueHistoryRow = Selectable<DataValueHistoryTable>;
export type ValueBoundRow = Selectable<ValueBoundTable>;
export type DataApprovalRow = Selectable<DataApprovalTable>;
export type ReportingDeadlineRow = Selectable<ReportingDeadlineTable>;
