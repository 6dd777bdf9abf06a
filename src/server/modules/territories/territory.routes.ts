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
import { readUpload, sendDownload } from '#server/http/file-transfer';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
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
      const upload = await readUpload(request);
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
      return sendDownload(reply, file);
    },
  );
}
