import type { AuditQuery } from '#shared/contracts/audit.contract';

/** What the filter form holds; dates are calendar days (YYYY-MM-DD) in the user's time zone. */
export type AuditFilter = {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromDay: string | null;
  toDay: string | null;
};

export const emptyAuditFilter: AuditFilter = {
  actorId: null,
  entityType: '',
  entityId: '',
  action: '',
  fromDay: null,
  toDay: null,
};

function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

/** Turns the form into the API query; the "to" day is inclusive. */
export function toAuditQuery(filter: AuditFilter, limit: number, offset: number): AuditQuery {
  const query: AuditQuery = { limit, offset };
  if (filter.actorId) query.actorId = filter.actorId;
  if (filter.entityType.trim()) query.entityType = filter.entityType.trim();
  if (filter.entityId.trim()) query.entityId = filter.entityId.trim();
  if (filter.action.trim()) query.action = filter.action.trim();
  if (filter.fromDay) query.from = dayStart(filter.fromDay);
  if (filter.toDay) query.to = dayEnd(filter.toDay);
  return query;
}
