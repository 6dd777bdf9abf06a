import { idParamsSchema } from '#shared/contracts/common.contract';
import { jobListQuerySchema, jobListSchema, jobSchema } from '#shared/contracts/jobs.contract';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { JobService } from './job.service';

/** Background jobs and their state. */
export function jobRoutes(app: TypedApp, options: { jobs: JobService }): void {
  app.get(
    '/api/v1/jobs',
    {
      config: { access: needs('jobs.read') },
      schema: {
        tags: ['jobs'],
        summary: 'List jobs',
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema },
      },
    },
    (request) => options.jobs.list(request.query),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { access: needs('jobs.read') },
      schema: { tags: ['jobs'], summary: 'Get a job', params: idParamsSchema, response: { 200: jobSchema } },
    },
    (request) => options.jobs.get(request.params.id),
  );
}
