import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { errorCatalogue } from '#shared/errors';
import type { Container } from '#server/container';
import { agencyRoutes } from '#server/modules/agencies/agency.routes';
import { catalogueRoutes } from '#server/modules/indicators/catalogue.routes';
import { demoRoutes } from '#server/modules/demo-data/demo.routes';
import { explorerRoutes } from '#server/modules/explorer/explorer.routes';
import { boundRoutes } from '#server/modules/values/bound.routes';
import { valueRoutes } from '#server/modules/values/value.routes';
import { importRoutes } from '#server/modules/imports/import.routes';
import { approvalRoutes } from '#server/modules/approvals/approval.routes';
import { completenessRoutes } from '#server/modules/approvals/completeness.routes';
import { auditRoutes } from '#server/modules/audit/audit.routes';
import { authRoutes } from '#server/modules/auth/auth.routes';
import { userRoutes } from '#server/modules/auth/user.routes';
import { jobRoutes } from '#server/modules/jobs/job.routes';
import { scheduleRoutes } from '#server/modules/jobs/schedule.routes';
import { territoryRoutes } from '#server/modules/territories/territory.routes';
import { authenticationPlugin } from './auth.plugin';
import { answerClientError } from './client-error';
import { errorBody, registerErrorHandler } from './error-handler';
import { strictValidatorCompiler } from './validator';
import { instrumentRequests } from './metrics';
import { createRouteTable } from './route-table';
import { registerSecurityHeaders } from './security-headers';
import { systemRoutes } from './system.routes';
import type { TypedApp } from './typed';

registerAjvFormats();

export type BuildAppOptions = {
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Called for every route as it is registered (the access-matrix test lists the routes this way). */
  onRoute?: (route: RouteOptions) => void;
};

const requestIdPattern = /^[\w.:-]{1,100}$/;

/** The API and the system routes, as opposed to the web interface's pages and files. */
const isApiUrl = (url: string) => url.startsWith('/api/') || /^\/(healthz|readyz|metrics)(\?|$)/.test(url);

/**
 * Builds the HTTP application without listening, so tests drive it with `inject()` and the server entry
 * point adds `listen()`. Registers every module's routes; this and the container are the only places that
 * know every module.
 */
export async function buildApp(container: Container, options: BuildAppOptions = {}): Promise<TypedApp> {
  const { config, services } = container;
  // Serving requests is what the in-memory caches are for; they serve only while changes are heard.
  await container.database.changes.start();
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    clientErrorHandler: answerClientError,
    // A URL that cannot be decoded gets the usual error body, not Fastify's own.
    frameworkErrors: (error, request, untypedReply) => {
      const isBadUrl = error.code === 'FST_ERR_BAD_URL';
      const reply = untypedReply as unknown as FastifyReply;
      void reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify({
            code: 'VALIDATION_FAILED',
            message: isBadUrl ? 'The URL is malformed.' : error.message,
            details: { requestId: request.id },
          }),
        );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routeTable = createRouteTable();
  app.addHook('onRoute', (route) => {
    routeTable.add(route.url, route.method);
    options.onRoute?.(route);
  });

  app.setValidatorCompiler(strictValidatorCompiler);
  // Responses are checked against their schema too: a handler that returns the wrong shape fails loudly
  // instead of leaking fields or sending clients something the contract does not promise.
  app.setSerializerCompiler(({ schema, url, method }) => {
    const check = Compile(schema as TSchema);
    // A frozen response is one that services keep in memory and share, unchanged until replaced (such as
    // the territory list): it is checked and written out once, not on every request.
    const frozen = new WeakMap<object, string>();
    return (data: unknown) => {
      const isShared = typeof data === 'object' && data !== null && Object.isFrozen(data);
      const known = isShared ? frozen.get(data) : undefined;
      if (known !== undefined) return known;
      if (!check.Check(data)) {
        const first = check.Errors(data)[0];
        throw new Error(
          `Response of ${method} ${url} does not match its schema at ${first?.instancePath ?? '?'}: ${first?.message ?? ''}`,
        );
      }
      const json = JSON.stringify(data);
      if (isShared) frozen.set(data, json);
      return json;
    };
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // API answers are personal and current: no browser or proxy may keep them (the docs' static files may).
    if (!request.url.startsWith('/api/docs/static/') && isApiUrl(request.url))
      void reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  registerSecurityHeaders(app, { secureCookies: config.secureCookies === true });
  await app.register(multipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, parts: 12 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kuzot API',
        version: options.version ?? '0.0.0',
        description: `Drug-situation monitoring. Errors: {code, message, localised, details} (localised: a message of the catalogue, {key, params}); codes: ${Object.keys(errorCatalogue).join(', ')}.`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kuzot_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authenticationPlugin, { authenticate: (token) => services.auth.authenticate(token) });
  registerErrorHandler(app);
  instrumentRequests(app, container.metrics);

  systemRoutes(app, {
    metrics: container.metrics,
    version: options.version ?? '0.0.0',
    checkReady: async () => {
      await sql`select 1`.execute(container.database.db);
    },
    beforeScrape: async () => {
      container.metrics.jobsByStatus.reset();
      for (const { status, n } of await services.jobs.countByStatus())
        container.metrics.jobsByStatus.set({ status }, n);
    },
  });
  authRoutes(app, { auth: services.auth, secureCookies: config.secureCookies });
  userRoutes(app, { users: services.users });
  auditRoutes(app, { audit: services.audit });
  agencyRoutes(app, { agencies: services.agencies });
  catalogueRoutes(app, { catalogue: services.catalogue });
  demoRoutes(app, { demo: services.demo });
  explorerRoutes(app, { explorer: services.explorer });
  valueRoutes(app, { values: services.values });
  importRoutes(app, {
    imports: services.dataImports,
    templates: services.dataTemplates,
    valueSetBodyLimit: config.uploadLimitBytes,
  });
  boundRoutes(app, { bounds: services.bounds });
  territoryRoutes(app, { territories: services.territories });
  jobRoutes(app, { jobs: services.jobs });
  scheduleRoutes(app, { schedules: services.schedules });
  approvalRoutes(app, { approvals: services.approvals });
  completenessRoutes(app, { completeness: services.completeness });

  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      schemaHide: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      const allowed = routeTable.methodsOf(request.url.split('?')[0] ?? '');
      // A route of this method that found nothing (a docs file that does not exist) is a 404, not a 405.
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        return reply.status(405).header('allow', allowed.join(', ')).send(errorBody('METHOD_NOT_ALLOWED'));
      }
      return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
    }
    // The single-page app handles its own routes.
    if (hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><title>Kuzot</title><p>The web interface is not built. Run <code>npm run build</code>.</p>',
      );
  });
  return app;
}
