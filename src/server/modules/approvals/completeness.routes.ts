import {
  completenessDetailListSchema,
  completenessDetailQuerySchema,
  completenessQuerySchema,
  completenessReportSchema,
} from '#shared/contracts/approval.contract';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { CompletenessService } from './completeness.service';

/** Completeness and timeliness of agencies' reports. */
export function completenessRoutes(app: TypedApp, options: { completeness: CompletenessService }): void {
  const tags = ['completeness'];
  const { completeness } = options;

  app.get(
    '/api/v1/completeness',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary: 'Completeness and timeliness grouped by agency, territory or period',
        querystring: completenessQuerySchema,
        response: { 200: completenessReportSchema },
      },
    },
    (request) => completeness.report(request.query),
  );

  app.get(
    '/api/v1/completeness/details',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary: 'Completeness and timeliness of each expected report (agency, territory, period)',
        querystring: completenessDetailQuerySchema,
        response: { 200: completenessDetailListSchema },
      },
    },
    (request) => completeness.details(request.query),
  );
}
