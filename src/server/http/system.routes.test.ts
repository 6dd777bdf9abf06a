import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '#server/http/metrics';
import { territoryByIso } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { registerErrorHandler } from './error-handler';
import { systemRoutes } from './system.routes';

describe('system routes and HTTP behaviour', () => {
  let t: TestApp;
  let viewer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await t.loginAs('viewer');
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', version: '0.0.0' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 NOT_READY when the database does not answer', async () => {
    const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    registerErrorHandler(app);
    systemRoutes(app, {
      metrics: createMetrics(),
      version: 'test',
      beforeScrape: async () => undefined,
      checkReady: () => Promise.reject(new Error('connection refused')),
    });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      code: 'NOT_READY',
      localised: { key: 'system.not_ready' },
      details: { reason: expect.stringContaining('connection refused') },
    });
    await app.close();
  });

  it('exposes Prometheus metrics with request durations by route template', async () => {
    const osh = await territoryByIso(t, 'KG-O');
    await viewer.request('GET', `/api/v1/territories/${osh.id}`);
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('# TYPE kuzot_http_request_duration_seconds histogram');
    expect(response.body).toMatch(
      /kuzot_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/territories\/:id",status="200"\} 1/,
    );
    expect(response.body).not.toContain(osh.id);
    expect(response.body).toContain('kuzot_process_cpu_seconds_total');
  });

  it('serves an OpenAPI 3 document listing the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/territories',
        '/api/v1/territories/{id}',
        '/api/v1/population-imports',
        '/api/v1/auth/login',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/territories'] ?? {})).toContain('get');
  });

  it('answers unknown API routes with 404 ROUTE_NOT_FOUND, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await viewer.request(method, '/api/v1/x');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/nothing/here?x=1' });
    expect(anonymous.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('answers a known path with the wrong method with 405 and the allowed methods', async () => {
    const response = await viewer.request('DELETE', '/api/v1/territories');
    expect(response.statusCode).toBe(405);
    expect(response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(response.headers.allow).toContain('GET');
  });

  it('answers an undecodable URL with the usual error body', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/territories/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses numbers in the path or query that are not plain numbers', async () => {
    const admin = await t.login(t.admin.username, t.admin.password);
    const { items } = (await admin.request('GET', '/api/v1/territories')).json<{
      items: Array<{ id: string }>;
    }>();
    const id = items[0]!.id;
    for (const year of ['2020.5', '0x7e4', '2e3']) {
      const response = await admin.request('PUT', `/api/v1/territories/${id}/population/${year}`, {
        total: 1000,
        source: 'test figure',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ field: 'params.year' }] },
      });
    }
    const limit = await admin.request('GET', '/api/v1/users?limit=1.5');
    expect(limit.statusCode).toBe(400);
    expect(limit.json()).toMatchObject({ details: { issues: [{ field: 'querystring.limit' }] } });
  });

  it('hands other paths to the single-page app', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/territories/some-page' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('refuses an oversized JSON body with 413 BODY_TOO_LARGE', async () => {
    const payload = JSON.stringify({
      username: 'admin',
      password: 'x'.repeat(t.container.config.bodyLimitBytes + 10),
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 401 UNAUTHENTICATED without a session or with an unknown one', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/territories' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/territories',
      headers: { cookie: 'kuzot_session=made-up' },
    });
    expect(unknown.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 401 SESSION_EXPIRED for an expired session, which then is gone', async () => {
    const session = await t.loginAs('analyst');
    await t.container.database.db
      .updateTable('userSession')
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where('userId', '=', session.body.user.id)
      .execute();
    const expired = await session.request('GET', '/api/v1/auth/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    const again = await session.request('GET', '/api/v1/auth/session');
    expect(again.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // On the public sign-in route the stale cookie is ignored.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: session.cookie },
      payload: { username: t.admin.username, password: t.admin.password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-abc.123:4' },
    });
    expect(echoed.headers['x-request-id']).toBe('trace-abc.123:4');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/territories',
      headers: { 'x-request-id': 'trace-401' },
    });
    expect(failed.headers['x-request-id']).toBe('trace-401');
  });
});
