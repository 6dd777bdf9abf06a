import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = {
  registry: Registry;
  jobsFinished: Counter<'job' | 'status'>;
  jobsByStatus: Gauge<'status'>;
};

/** A metrics registry per app instance (so tests that build several apps do not collide). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kuzot_' });
  return {
    registry,
    jobsFinished: new Counter({
      name: 'kuzot_jobs_finished_total',
      help: 'Jobs finished, by name and final status',
      labelNames: ['job', 'status'],
      registers: [registry],
    }),
    jobsByStatus: new Gauge({
      name: 'kuzot_jobs',
      help: 'Jobs in the queue by status (sampled at scrape)',
      labelNames: ['status'],
      registers: [registry],
    }),
  };
}

/** Records request durations by route template (never by raw URL, which would explode the label set). */
export function instrumentRequests(app: FastifyInstance, metrics: Metrics): void {
  const histogram = new Histogram({
    name: 'kuzot_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    histogram.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
