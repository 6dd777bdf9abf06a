import { auditListSchema, auditQuerySchema } from '#shared/contracts/audit.contract';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { AuditService } from './audit.service';

/** Browsing the audit log (read only: there is no route that changes it). */
export function auditRoutes(app: TypedApp, options: { audit: AuditService }): void {
  app.get(
    '/api/v1/audit',
    {
      config: { access: needs('audit.read') },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: auditQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    (request) => options.audit.list(request.query),
  );
}
