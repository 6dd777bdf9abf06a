import { Type } from 'typebox';
import { errorResponseSchema, idParamsSchema, uuidSchema } from '#shared/contracts/common.contract';
import { dataImportJobSchema, dataImportQueuedSchema } from '#shared/contracts/data-import.contract';
import {
  importResultSchema,
  periodIdSchema,
  valueSetRequestSchema,
} from '#shared/contracts/data-values.contract';
import { locales } from '#shared/domain/locale';
import { actorOf } from '#server/http/auth.plugin';
import { readUpload, sendDownload } from '#server/http/file-transfer';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { ImportService } from './import.service';
import type { TemplateService } from './template.service';

/** Excel templates, file uploads and JSON value sets of data values. */
export function importRoutes(
  app: TypedApp,
  options: { imports: ImportService; templates: TemplateService; valueSetBodyLimit: number },
): void {
  const tags = ['data values'];

  app.get(
    '/api/v1/data-templates',
    {
      config: { access: needs('data.enter') },
      schema: {
        tags,
        summary: 'Download the Excel template of an agency for a period, filled with the stored values',
        querystring: Type.Object(
          {
            agencyId: uuidSchema,
            period: periodIdSchema,
            locale: Type.Optional(Type.Enum([...locales])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const file = await options.templates.build(actorOf(request), {
        agencyId: request.query.agencyId,
        period: request.query.period,
        locale: request.query.locale ?? 'en',
      });
      return sendDownload(reply, file);
    },
  );

  app.post(
    '/api/v1/data-imports',
    {
      config: { access: needs('data.enter') },
      schema: {
        tags,
        summary:
          'Import values from CSV, XLSX or a filled template (multipart field "file"); all values or none. ' +
          '200 with the result when done at once (a check, or up to 20,000 values); 202 with a job id when a ' +
          'larger file passed every check and a job writes it (GET /api/v1/data-imports/{id})',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: importResultSchema, 202: dataImportQueuedSchema, 422: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { filename, data } = await readUpload(request);
      const outcome = await options.imports.startFileImport(
        actorOf(request),
        { filename, data },
        {
          dryRun: request.query.dryRun ?? false,
        },
      );
      return 'queued' in outcome ? reply.status(202).send(outcome.queued) : reply.send(outcome.done);
    },
  );

  app.get(
    '/api/v1/data-imports/:id',
    {
      config: { access: needs('data.enter') },
      schema: {
        tags,
        summary: 'The state and result of a queued import (its own user, or an administrator)',
        params: idParamsSchema,
        response: { 200: dataImportJobSchema },
      },
    },
    (request) => options.imports.getImportJob(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/data-value-sets',
    {
      config: { access: needs('data.enter') },
      // A value set of many thousand values is larger than the ordinary body limit.
      bodyLimit: options.valueSetBodyLimit,
      schema: {
        tags,
        summary: 'Import a JSON value set (elements and territories by code); all values or none',
        body: valueSetRequestSchema,
        response: { 200: importResultSchema, 422: errorResponseSchema },
      },
    },
    (request) => options.imports.importValueSet(actorOf(request), request.body),
  );
}
