import {
  approvalActionRequestSchema,
  approvalBulkRequestSchema,
  approvalBulkResultSchema,
  approvalKeyQuerySchema,
  approvalListQuerySchema,
  approvalListSchema,
  putReportingDeadlineRequestSchema,
  reportingDeadlineListSchema,
  reportingDeadlineSchema,
} from '#shared/contracts/approval.contract';
import { approvalSchema } from '#shared/contracts/data-values.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { ApprovalService } from './approval.service';

/** The approval workflow (submit, approve, return, unlock), its queue, and reporting deadlines. */
export function approvalRoutes(app: TypedApp, options: { approvals: ApprovalService }): void {
  const tags = ['approvals'];
  const { approvals } = options;

  app.get(
    '/api/v1/approvals',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary: 'The approval queue (officers: their own scope only)',
        querystring: approvalListQuerySchema,
        response: { 200: approvalListSchema },
      },
    },
    (request) => approvals.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/approvals/one',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary:
          'The approval state of one agency, territory and period (draft when never submitted; officers: their own scope only)',
        querystring: approvalKeyQuerySchema,
        response: { 200: approvalSchema },
      },
    },
    (request) =>
      approvals.getApproval(
        actorOf(request),
        request.query.agencyId,
        request.query.territoryId,
        request.query.period,
      ),
  );

  const steps = [
    { name: 'submit', permission: 'data.submit', summary: 'Submit figures for approval' },
    { name: 'approve', permission: 'data.approve', summary: 'Approve submitted figures (locks them)' },
    { name: 'return', permission: 'data.approve', summary: 'Return submitted figures with a reason' },
    { name: 'unlock', permission: 'data.approve', summary: 'Unlock approved figures with a reason' },
  ] as const;
  for (const step of steps) {
    app.post(
      `/api/v1/approvals/${step.name}`,
      {
        config: { access: needs(step.permission) },
        schema: {
          tags,
          summary: step.summary,
          body: approvalActionRequestSchema,
          response: { 200: approvalSchema },
        },
      },
      (request) => approvals[step.name](actorOf(request), request.body),
    );
  }

  app.post(
    '/api/v1/approvals/bulk',
    {
      config: { access: needs('data.approve') },
      schema: {
        tags,
        summary:
          'Approve or return several submitted reports at once; each is checked and audited on its own, and the answer gives every result',
        body: approvalBulkRequestSchema,
        response: { 200: approvalBulkResultSchema },
      },
    },
    (request) => approvals.bulk(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/reporting-deadlines',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary: 'Report deadlines per agency and period type, in days after the period ends',
        response: { 200: reportingDeadlineListSchema },
      },
    },
    () => approvals.listDeadlines(),
  );

  app.put(
    '/api/v1/reporting-deadlines',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: "Set an agency's report deadline for a period type",
        body: putReportingDeadlineRequestSchema,
        response: { 200: reportingDeadlineSchema },
      },
    },
    (request) => approvals.putDeadline(actorOf(request), request.body),
  );
}
