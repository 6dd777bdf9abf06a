/** One write to record: what happened to which entity, with its state before and after. */
export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};
