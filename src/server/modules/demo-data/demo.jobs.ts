import { defineJob, type JobDefinition } from '#server/jobs/job-definition';
import { systemActor } from '#server/lib/actor';
import type { DemoService } from './demo.service';
import { demoSeedJob } from './demo.types';

/** The demo data job: the handler only calls the service, reporting progress after each data element. */
export function createDemoJobs(service: DemoService): JobDefinition[] {
  return [
    defineJob({
      ...demoSeedJob,
      handle: (payload, context) =>
        service.seed(systemActor('system:demo-data'), payload, (p) =>
          context.reportProgress(p.total > 0 ? p.done / p.total : 1),
        ),
    }),
  ];
}
