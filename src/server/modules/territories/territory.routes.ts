import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errorResponseSchema, idParamsSchema, okResponseSchema } from '#shared/contracts/common.contract';
import {
  createTerritoryRequestSchema,
  populationImportAcceptedSchema,
  populationSchema,
  populationYearParamsSchema,
  territoryDetailSchema,
  territoryListSchema,
  territorySchema,
  updateTerritoryRequestSchema,
  upsertPopulationRequestSchema,
} from '#shared/contracts/territories.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { TerritoryService } from './territory.service';

/** Territories, population figures and population imports. */
export function territoryRoutes(app: TypedApp, options: { territories: TerritoryService }): void {
  const tags = ['territories'];
  const service = options.territories;

  app.get(
    '/api/v1/territories',
    {
      config: { access: needs('territories.read') },
      schema: {
        tags,
        summary: 'All territories (flat, with parentId)',
        response: { 200: territoryListSchema },
      },
    },
    () => service.list(),
  );

  app.get(
    '/api/v1/territories/:id',
    {
      config: { access: needs('territories.read') },
      schema: {
        tags,
        summary: 'A territory with ancestors, children and population',
        params: idParamsSchema,
        response: { 200: territoryDetailSchema },
      },
    },
    (request) => service.getDetail(request.params.id),
  );

  app.post(
    '/api/v1/territories',
    {
      config: { access: needs('territories.manage') },
      schema: {
        tags,
        summary: 'Add a territory',
        body: createTerritoryRequestSchema,
        response: { 201: territorySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/territories/:id',
    {
      config: { access: needs('territories.manage') },
      schema: {
        tags,
        summary: 'Change a territory',
        params: idParamsSchema,
        body: updateTerritoryRequestSchema,
        response: { 200: territorySchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/territories/:id/population/:year',
    {
      config: { access: needs('territories.manage') },
      schema: {
        tags,
        summary: 'Set the population of a year',
        params: populationYearParamsSchema,
        body: upsertPopulationRequestSchema,
        response: { 200: populationSchema },
      },
    },
    (request) =>
      service.upsertPopulation(actorOf(request), request.params.id, request.params.year, request.body),
  );

  app.delete(
    '/api/v1/territories/:id/population/:year',
    {
      config: { access: needs('territories.manage') },
      schema: {
        tags,
        summary: 'Remove the population figure of a year',
        params: populationYearParamsSchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await service.deletePopulation(actorOf(request), request.params.id, request.params.year);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/population-imports',
    {
      config: { access: needs('population.import') },
      schema: {
        tags,
        summary: 'Import population from CSV or XLSX (multipart field "file"); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 202: populationImportAcceptedSchema, 422: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('upload.multipart_required'));
      const upload = await readUploadedFile(request);
      const accepted = await service.startPopulationImport(actorOf(request), {
        filename: upload.filename,
        contentType: upload.mimetype,
        data: upload.data,
      });
      return reply.status(202).send(accepted);
    },
  );

  app.get(
    '/api/v1/population-imports/template',
    {
      config: { access: needs('population.import') },
      schema: {
        tags,
        summary: 'Download a population template with the current figures',
        querystring: Type.Object(
          { format: Type.Optional(Type.Enum(['csv', 'xlsx'])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const file = await service.populationTemplate(request.query.format ?? 'xlsx');
      return reply
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .type(file.contentType)
        .send(file.data);
    },
  );
}

/**
 * Reads the one file of a multipart request. A truncated or malformed body is the client's mistake: the
 * multipart parser reports it with a plain Error, which would otherwise become a 500.
 */
async function readUploadedFile(
  request: FastifyRequest,
): Promise<{ filename: string; mimetype: string; data: Buffer }> {
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw new AppError('VALIDATION_FAILED', msg('upload.file_field_missing'), { field: 'file' });
    }
    return { filename: part.filename, mimetype: part.mimetype, data: await part.toBuffer() };
  } catch (error) {
    // Size limits and the like arrive as Fastify errors with codes, which the error handler maps.
    if (error instanceof AppError || (error as { code?: unknown }).code !== undefined) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION_FAILED', msg('upload.multipart_invalid'), { field: 'file', reason });
  }
}
