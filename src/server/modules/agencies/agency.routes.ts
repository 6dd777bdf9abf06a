import {
  agencyListSchema,
  agencySchema,
  createAgencyRequestSchema,
  updateAgencyRequestSchema,
} from '#shared/contracts/agencies.contract';
import { idParamsSchema } from '#shared/contracts/common.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { AgencyService } from './agency.service';

/** Reporting agencies. */
export function agencyRoutes(app: TypedApp, options: { agencies: AgencyService }): void {
  const tags = ['agencies'];
  app.get(
    '/api/v1/agencies',
    {
      config: { access: needs('agencies.read') },
      schema: { tags, summary: 'List agencies', response: { 200: agencyListSchema } },
    },
    () => options.agencies.list(),
  );

  app.post(
    '/api/v1/agencies',
    {
      config: { access: needs('agencies.manage') },
      schema: {
        tags,
        summary: 'Add an agency',
        body: createAgencyRequestSchema,
        response: { 201: agencySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await options.agencies.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/agencies/:id',
    {
      config: { access: needs('agencies.manage') },
      schema: {
        tags,
        summary: 'Change an agency',
        params: idParamsSchema,
        body: updateAgencyRequestSchema,
        response: { 200: agencySchema },
      },
    },
    (request) => options.agencies.update(actorOf(request), request.params.id, request.body),
  );
}
