import { idParamsSchema, okResponseSchema } from '#shared/contracts/common.contract';
import {
  saveValueBoundRequestSchema,
  valueBoundListSchema,
  valueBoundQuerySchema,
  valueBoundSchema,
} from '#shared/contracts/data-values.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { BoundService } from './bound.service';

/** Min/max bounds of data elements. */
export function boundRoutes(app: TypedApp, options: { bounds: BoundService }): void {
  const tags = ['data values'];
  const { bounds } = options;

  app.get(
    '/api/v1/value-bounds',
    {
      config: { access: needs('catalogue.read') },
      schema: {
        tags,
        summary: 'Min/max bounds of one data element, or of all',
        querystring: valueBoundQuerySchema,
        response: { 200: valueBoundListSchema },
      },
    },
    async (request) => ({ items: await bounds.list(request.query.dataElementId) }),
  );

  app.put(
    '/api/v1/value-bounds',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Set the bound of an element, everywhere or in one territory',
        body: saveValueBoundRequestSchema,
        response: { 200: valueBoundSchema },
      },
    },
    (request) => bounds.save(actorOf(request), request.body),
  );

  app.delete(
    '/api/v1/value-bounds/:id',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Remove a bound',
        params: idParamsSchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await bounds.remove(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
