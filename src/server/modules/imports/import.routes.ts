import type { FastifyRequest } from 'fastify';
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
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import { AppError } from '#server/lib/app-error';
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
      return reply
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .type(file.contentType)
        .send(file.data);
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
      if (!request.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Upload the file as multipart/form-data in the field "file".',
        );
      const upload = await readUploadedFile(request);
      const outcome = await options.imports.startFileImport(actorOf(request), upload, {
        dryRun: request.query.dryRun ?? false,
      });
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

/**
 * Reads the one file of a multipart request. A truncated or malformed body is the client's mistake: the
 * multipart parser reports it with a plain Error, which would otherwise become a 500.
 */
async function readUploadedFile(request: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw new AppError('VALIDATION_FAILED', 'Upload the file in the field "file".', { field: 'file' });
    }
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (error) {
    // Size limits and the like arrive as Fastify errors with codes, which the error handler maps.
    if (error instanceof AppError || (error as { code?: unknown }).code !== undefined) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION_FAILED', `The upload is not valid multipart/form-data: ${reason}.`, {
      field: 'file',
    });
  }
}
