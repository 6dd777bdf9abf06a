import { idParamsSchema } from '#shared/contracts/common.contract';
import {
  jobScheduleListSchema,
  jobScheduleRunSchema,
  jobScheduleSchema,
  jobScheduleUpdateSchema,
} from '#shared/contracts/jobs.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { ScheduleService } from './schedule.service';

/** Recurring job schedules: list, switch on or off, run now. */
export function scheduleRoutes(app: TypedApp, options: { schedules: ScheduleService }): void {
  const tags = ['jobs'];
  app.get(
    '/api/v1/job-schedules',
    {
      config: { access: needs('jobs.read') },
      schema: { tags, summary: 'List recurring job schedules', response: { 200: jobScheduleListSchema } },
    },
    () => options.schedules.list(),
  );

  app.patch(
    '/api/v1/job-schedules/:id',
    {
      config: { access: needs('jobs.manage') },
      schema: {
        tags,
        summary: 'Switch a schedule on or off',
        params: idParamsSchema,
        body: jobScheduleUpdateSchema,
        response: { 200: jobScheduleSchema },
      },
    },
    (request) => options.schedules.setEnabled(actorOf(request), request.params.id, request.body.enabled),
  );

  app.post(
    '/api/v1/job-schedules/:id/run',
    {
      config: { access: needs('jobs.manage') },
      schema: {
        tags,
        summary: "Queue a schedule's job now",
        params: idParamsSchema,
        response: { 200: jobScheduleRunSchema },
      },
    },
    (request) => options.schedules.runNow(actorOf(request), request.params.id),
  );
}
