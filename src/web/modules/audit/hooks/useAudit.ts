import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '#shared/contracts/audit.contract';
import { listAudit } from '../api/audit.api';

/** A page of the audit log. */
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => listAudit(query),
    placeholderData: keepPreviousData,
  });
}
