import type { LocalisedName } from '#shared/contracts/common.contract';

/** One write to record: what happened to which entity, with its state before and after. */
export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Finds the names the audit log shows instead of ids, for a whole page at once (one lookup per kind that the
 * page refers to, never one per entry). Wired in the container from the services that own the names.
 */
export type AuditNameSource = {
  users(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  territories(ids: readonly string[]): Promise<ReadonlyMap<string, LocalisedName>>;
  agencies(ids: readonly string[]): Promise<ReadonlyMap<string, LocalisedName>>;
  /** Data elements, indicators and validation rules (the catalogue, cached by its owner). */
  catalogue(ids: {
    elements: readonly string[];
    indicators: readonly string[];
    rules: readonly string[];
  }): Promise<{
    elements: ReadonlyMap<string, LocalisedName>;
    indicators: ReadonlyMap<string, LocalisedName>;
    rules: ReadonlyMap<string, LocalisedName>;
  }>;
};
