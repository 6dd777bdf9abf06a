import {
  entryFormQuerySchema,
  entryFormSchema,
  saveValueRequestSchema,
  saveValueResponseSchema,
  valueHistoryQuerySchema,
  valueHistorySchema,
} from '#shared/contracts/data-values.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { ValueService } from './value.service';

/** The entry form, saving one cell, and a cell's history. */
export function valueRoutes(app: TypedApp, options: { values: ValueService }): void {
  const tags = ['data values'];
  const { values } = options;

  app.get(
    '/api/v1/entry-forms',
    {
      config: { access: needs('data.enter') },
      schema: {
        tags,
        summary: "An agency's entry form for a territory and period: elements, values, checks, approval",
        querystring: entryFormQuerySchema,
        response: { 200: entryFormSchema },
      },
    },
    (request) => values.getEntryForm(actorOf(request), request.query),
  );

  app.put(
    '/api/v1/data-values',
    {
      config: { access: needs('data.enter') },
      schema: {
        tags,
        summary: 'Set, change or clear (value null) one value; an unchanged value changes nothing',
        body: saveValueRequestSchema,
        response: { 200: saveValueResponseSchema },
      },
    },
    (request) => values.saveValue(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/data-values/history',
    {
      config: { access: needs('data.read') },
      schema: {
        tags,
        summary: "A value's changes (old → new, who, when), newest first",
        querystring: valueHistoryQuerySchema,
        response: { 200: valueHistorySchema },
      },
    },
    async (request) => ({
      items: await values.history(actorOf(request), {
        ...request.query,
        disaggregation: request.query.disaggregation ?? '',
      }),
    }),
  );
}
