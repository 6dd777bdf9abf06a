import type {
  ApprovalActionRequest,
  ApprovalBulkRequest,
  ApprovalBulkResult,
  ApprovalList,
  ApprovalListQuery,
  CompletenessDetailList,
  CompletenessDetailQuery,
  CompletenessQuery,
  CompletenessReport,
  PutReportingDeadlineRequest,
  ReportingDeadline,
  ReportingDeadlineList,
} from '#shared/contracts/approval.contract';
import type { Approval } from '#shared/contracts/data-values.contract';
import { api } from '#web/lib/api-client';

/** The steps of the approval workflow, each a POST with the same body. */
export type ApprovalStep = 'submit' | 'approve' | 'return' | 'unlock';

/** The approval state of one agency, territory and period. */
export function getApproval(agencyId: string, territoryId: string, period: string): Promise<Approval> {
  return api.get<Approval>('/approvals/one', { agencyId, territoryId, period });
}

/** The approval queue, most recently changed first. */
export function listApprovals(query: ApprovalListQuery): Promise<ApprovalList> {
  return api.get<ApprovalList>('/approvals', query);
}

/** Submits, approves, returns or unlocks; APPROVAL_STATE_INVALID when the state does not allow it. */
export function approvalStep(step: ApprovalStep, request: ApprovalActionRequest): Promise<Approval> {
  return api.post<Approval>(`/approvals/${step}`, request);
}

/** Approves or returns several reports; the answer says per report whether it worked and why not. */
export function approvalBulk(request: ApprovalBulkRequest): Promise<ApprovalBulkResult> {
  return api.post<ApprovalBulkResult>('/approvals/bulk', request);
}

/** Completeness and timeliness, grouped. */
export function getCompleteness(query: CompletenessQuery): Promise<CompletenessReport> {
  return api.get<CompletenessReport>('/completeness', query);
}

/** One row per expected report. */
export function getCompletenessDetails(query: CompletenessDetailQuery): Promise<CompletenessDetailList> {
  return api.get<CompletenessDetailList>('/completeness/details', query);
}

/** Report deadlines per agency and period type. */
export function listDeadlines(): Promise<ReportingDeadlineList> {
  return api.get<ReportingDeadlineList>('/reporting-deadlines');
}

/** Sets one agency's deadline for a period type. */
export function putDeadline(request: PutReportingDeadlineRequest): Promise<ReportingDeadline> {
  return api.put<ReportingDeadline>('/reporting-deadlines', request);
}
