import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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
  status: Generated<string>;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  runAt: Generated<Timestamp>;
  lockedBy: string | null;
  lockedAt: Timestamp | null;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  lastError: string | null;
  progress: number | null;
  result: Json;
  createdBy: string | null;
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

export type Database = {
  agency: AgencyTable;
  territory: TerritoryTable;
  population: PopulationTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  loginAttempt: LoginAttemptTable;
  auditLog: AuditLogTable;
  job: JobTable;
  upload: UploadTable;
};

export type AgencyRow = Selectable<AgencyTable>;
export type TerritoryRow = Selectable<TerritoryTable>;
export type NewTerritoryRow = Insertable<TerritoryTable>;
export type TerritoryUpdate = Updateable<TerritoryTable>;
export type PopulationRow = Selectable<PopulationTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type JobRow = Selectable<JobTable>;
