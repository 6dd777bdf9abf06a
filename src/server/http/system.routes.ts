import { Type } from 'typebox';
import { errorResponseSchema } from '#shared/contracts/common.contract';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { Metrics } from './metrics';
import { publicAccess } from './route-access';
import type { TypedApp } from './typed';

export type SystemRoutesOptions = {
  metrics: Metrics;
  /** Throws when the process cannot serve (database unreachable, not migrated). */
  checkReady(): Promise<void>;
  /** Samples gauges just before a scrape. */
  beforeScrape(): Promise<void>;
  version: string;
};

/** Liveness, readiness and Prometheus metrics. Public by decision: they reveal no user data. */
export function systemRoutes(app: TypedApp, options: SystemRoutesOptions): void {
  const tags = ['system'];
  // Probes call these every few seconds; a log line per probe would bury the requests that matter.
  const probeLogLevel = 'warn';
  app.get(
    '/healthz',
    {
      logLevel: probeLogLevel,
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    () => ({ status: 'ok' as const, version: options.version }),
  );

  app.get(
    '/readyz',
    {
      logLevel: probeLogLevel,
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Readiness: the database answers',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: errorResponseSchema },
      },
    },
    async () => {
      try {
        await options.checkReady();
      } catch (error) {
        throw new AppError('NOT_READY', msg('system.not_ready'), {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      return { status: 'ready' as const };
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: publicAccess },
      schema: { tags, summary: 'Prometheus metrics' },
    },
    async (_request, reply) => {
      await options.beforeScrape();
      return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
    },
  );
}
