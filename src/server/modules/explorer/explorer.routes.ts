import {
  explorerExportQuerySchema,
  explorerExportRequestSchema,
  explorerQuerySchema,
  explorerResultSchema,
} from '#shared/contracts/explorer.contract';
import { actorOf } from '#server/http/auth.plugin';
import { sendDownload } from '#server/http/file-transfer';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { ExplorerService } from './explorer.service';

/** The data explorer: pivot queries over the stored values and their CSV/XLSX export. */
export function explorerRoutes(app: TypedApp, options: { explorer: ExplorerService }): void {
  const tags = ['explorer'];
  const { explorer } = options;

  // POST rather than GET: the query is a structured body (items, territories, periods), not a few filters.
  app.post(
    '/api/v1/explorer/query',
    {
      config: { access: needs('explorer.use') },
      schema: {
        tags,
        summary: 'Figures for items × territories × periods, rolled up the hierarchy',
        body: explorerQuerySchema,
        response: { 200: explorerResultSchema },
      },
    },
    (request) => explorer.query(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/explorer/export',
    {
      config: { access: needs('explorer.use') },
      schema: {
        tags,
        summary: 'The pivot table of a query as a CSV or XLSX file',
        querystring: explorerExportQuerySchema,
        body: explorerExportRequestSchema,
      },
    },
    async (request, reply) => {
      const file = await explorer.export(actorOf(request), request.body, request.query.format);
      return sendDownload(reply, file);
    },
  );
}
