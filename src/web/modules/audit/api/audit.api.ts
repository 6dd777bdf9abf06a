import type { AuditList, AuditQuery } from '#shared/contracts/audit.contract';
import { api } from '#web/lib/api-client';

/** Audit entries, newest first, filtered by actor, entity, action and time. */
export function listAudit(query: AuditQuery): Promise<AuditList> {
  return api.get<AuditList>('/audit', query);
}
