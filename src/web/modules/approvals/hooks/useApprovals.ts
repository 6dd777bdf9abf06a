import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApprovalActionRequest,
  ApprovalBulkRequest,
  ApprovalListQuery,
  CompletenessDetailQuery,
  CompletenessQuery,
  PutReportingDeadlineRequest,
} from '#shared/contracts/approval.contract';
import {
  approvalBulk,
  approvalStep,
  getApproval,
  getCompleteness,
  getCompletenessDetails,
  listApprovals,
  listDeadlines,
  putDeadline,
  type ApprovalStep,
} from '../api/approvals.api';

/** Query keys of approvals and completeness. */
export const approvalKeys = {
  all: ['approvals'] as const,
  one: (agencyId: string, territoryId: string, period: string) =>
    [...approvalKeys.all, 'one', agencyId, territoryId, period] as const,
  list: (query: ApprovalListQuery) => [...approvalKeys.all, 'list', query] as const,
  deadlines: ['reporting-deadlines'] as const,
  completeness: ['completeness'] as const,
};

/** The approval state of one agency, territory and period. */
export function useApproval(agencyId: string, territoryId: string, period: string) {
  return useQuery({
    queryKey: approvalKeys.one(agencyId, territoryId, period),
    queryFn: () => getApproval(agencyId, territoryId, period),
    enabled: agencyId !== '' && territoryId !== '' && period !== '',
  });
}

/** A page of the approval queue. */
export function useApprovalList(query: ApprovalListQuery) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: () => listApprovals(query),
    placeholderData: keepPreviousData,
  });
}

/**
 * Runs a step of the workflow. On success refreshes approvals, completeness and the entry form, whose
 * editability follows the approval state.
 */
export function useApprovalStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, request }: { step: ApprovalStep; request: ApprovalActionRequest }) =>
      approvalStep(step, request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
        queryClient.invalidateQueries({ queryKey: approvalKeys.completeness }),
        queryClient.invalidateQueries({ queryKey: ['entry-form'] }),
      ]),
  });
}

/** Approves or returns several reports at once; refreshes what {@link useApprovalStep} refreshes. */
export function useApprovalBulk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ApprovalBulkRequest) => approvalBulk(request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
        queryClient.invalidateQueries({ queryKey: approvalKeys.completeness }),
        queryClient.invalidateQueries({ queryKey: ['entry-form'] }),
      ]),
  });
}

/** Completeness and timeliness for the filters; disabled until the range is valid. */
export function useCompleteness(query: CompletenessQuery | null) {
  return useQuery({
    queryKey: [...approvalKeys.completeness, 'report', query],
    queryFn: () => getCompleteness(query as CompletenessQuery),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** One row per expected report, for the detail table. */
export function useCompletenessDetails(query: CompletenessDetailQuery | null) {
  return useQuery({
    queryKey: [...approvalKeys.completeness, 'details', query],
    queryFn: () => getCompletenessDetails(query as CompletenessDetailQuery),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** Report deadlines per agency and period type. */
export function useDeadlines() {
  return useQuery({ queryKey: approvalKeys.deadlines, queryFn: listDeadlines });
}

/** Sets a deadline; refreshes deadlines, approvals and completeness, which depend on it. */
export function usePutDeadline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PutReportingDeadlineRequest) => putDeadline(request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.deadlines }),
        queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
        queryClient.invalidateQueries({ queryKey: approvalKeys.completeness }),
      ]),
  });
}
