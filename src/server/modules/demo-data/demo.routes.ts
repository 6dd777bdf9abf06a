import { dataValueStatusSchema } from '#shared/contracts/demo.contract';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { DemoService } from './demo.service';

/** Whether the stored figures include synthetic demonstration data (for the interface's banner). */
export function demoRoutes(app: TypedApp, options: { demo: DemoService }): void {
  app.get(
    '/api/v1/data-values/status',
    {
      config: { access: needs('data.read') },
      schema: {
        tags: ['data values'],
        summary: 'How many values are stored and how many are synthetic demonstration data',
        response: { 200: dataValueStatusSchema },
      },
    },
    () => options.demo.status(),
  );
}
