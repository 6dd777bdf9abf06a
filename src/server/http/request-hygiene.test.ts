import net from 'node:net';
import type { RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/http/app';
import { createMetrics } from '#server/http/metrics';
import { csvOf, multipartFile, signedInUser } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

type SchemaNode = {
  type?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
};

/** Paths (as arrays of keys) of every string a schema allows, through objects, arrays and unions. */
function stringPaths(schema: SchemaNode, path: Array<string | number> = []): Array<Array<string | number>> {
  if (schema.type === 'string') return [path];
  if (schema.anyOf) {
    const first = schema.anyOf.map((option) => stringPaths(option, path)).find((found) => found.length > 0);
    return first ?? [];
  }
  if (schema.type === 'array' && schema.items) return stringPaths(schema.items, [...path, 0]);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
    stringPaths(property, [...path, key]),
  );
}

/** A value of the schema (valid where TypeBox can make one) with `text` at `path`. */
function withText(schema: SchemaNode, path: ReadonlyArray<string | number>, text: string): unknown {
  let root: unknown;
  try {
    root = Value.Create(schema as TSchema);
  } catch {
    root = {};
  }
  if (path.length === 0) return text;
  let node = (typeof root === 'object' && root !== null ? root : {}) as Record<string | number, unknown>;
  const top = node;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = text;
    else {
      const next = node[key];
      node[key] =
        typeof next === 'object' && next !== null ? next : typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return top;
}

const nulText = 'a\u0000b';

describe('requests the database could not take, and other malformed requests', () => {
  let t: TestApp;
  let admin: Session;
  const routes: Array<{ method: string; url: string; body?: SchemaNode; querystring?: SchemaNode }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedInUser(t, { role: 'administrator' })).session;
    const record = (r: RouteOptions) => {
      const schema = (r.schema ?? {}) as { body?: SchemaNode; querystring?: SchemaNode };
      for (const method of [r.method].flat())
        if (
          method !== 'HEAD' &&
          (schema.body || schema.querystring) &&
          !routes.some((x) => x.url === r.url && x.method === method)
        )
          routes.push({ method, url: r.url, body: schema.body, querystring: schema.querystring });
    };
    const lister = await buildApp(
      { ...t.container, metrics: createMetrics() },
      { logger: false, onRoute: record },
    );
    await lister.ready();
    await lister.close();
  });
  afterAll(async () => {
    await t.close();
  });

  const concrete = (url: string) =>
    url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':year', '2020');

  it('refuses a NUL character in every string field of every body and query, naming the field', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const [part, schema] of [
        ['body', route.body],
        ['querystring', route.querystring],
      ] as const) {
        if (!schema) continue;
        for (const path of stringPaths(schema)) {
          checked++;
          const field = [part, ...path].join('.');
          const value = withText(schema, path, nulText);
          const response =
            part === 'body'
              ? await admin.request(route.method as 'POST', concrete(route.url), value)
              : await admin.request(
                  route.method as 'GET',
                  `${concrete(route.url)}?${new URLSearchParams({ [String(path[0])]: nulText }).toString()}`,
                );
          const body = response.json<{
            code: string;
            details?: { issues?: Array<{ field: string; message: string }> };
          }>();
          const named = body.details?.issues?.some((i) => i.field === field && /NUL/.test(i.message));
          if (response.statusCode !== 400 || body.code !== 'VALIDATION_FAILED' || !named)
            wrong.push(
              `${route.method} ${route.url} ${field}: ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it('refuses an offset beyond what the database takes on every paged list, naming it', async () => {
    const paged = routes.filter((r) => r.querystring?.properties?.offset);
    expect(paged.length).toBeGreaterThanOrEqual(4);
    for (const route of paged) {
      const response = await admin.request('GET', `${concrete(route.url)}?offset=99999999999999999999`);
      expect(`${route.url} ${response.statusCode}`).toBe(`${route.url} 400`);
      const body = response.json<{ code: string; details: { issues: Array<{ field: string }> } }>();
      expect(body.code).toBe('VALIDATION_FAILED');
      // Other required fields of the route (a date range) may be named too.
      expect(body.details.issues.map((i) => i.field)).toContain('querystring.offset');
    }
  });

  it('refuses a NUL character in an uploaded file, naming the row and column, and in its name', async () => {
    const csv = csvOf([
      ['data_element', 'territory', 'period', 'disaggregation', 'value', 'comment'],
      ['drug_crimes', 'KG-C', '2024-01', 'cannabis', '1', nulText],
    ]);
    const upload = async (url: string, filename: string) => {
      const file = multipartFile({ filename, data: csv, contentType: 'text/csv' });
      return t.app.inject({
        method: 'POST',
        url,
        headers: { ...file.headers, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: file.payload,
      });
    };
    for (const url of ['/api/v1/data-imports', '/api/v1/population-imports']) {
      const response = await upload(url, 'values.csv');
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'IMPORT_INVALID',
        details: { problems: [{ row: 2, column: 'comment' }] },
      });
      const named = await upload(url, `values${nulText}.csv`);
      expect(named.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'file' } });
    }
  });

  it('tells every API answer, errors included, not to be stored', async () => {
    for (const response of [
      await admin.request('GET', '/api/v1/territories'),
      await admin.request('GET', '/api/v1/no-such-route'),
      await t.app.inject({ method: 'GET', url: '/api/v1/territories' }),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
    ])
      expect(response.headers['cache-control']).toBe('no-store');
  });

  describe('over a real connection', () => {
    let port = 0;
    beforeAll(async () => {
      port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
    });
    /** Sends raw HTTP (the test client would tidy the path first) and returns status and JSON body. */
    const raw = (target: string) =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('error', reject);
        socket.on('end', () => {
          const [head = '', body = ''] = text.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) as unknown });
        });
      });

    it('answers a path that climbs out of the API docs with a 4xx in the usual shape', async () => {
      for (const target of [
        '/api/docs/static/../../package.json',
        '/api/docs/static/%2e%2e/%2e%2e/package.json',
        '/api/docs/static/..%2f..%2fpackage.json',
        '/api/docs/static/a%00b',
      ]) {
        const { status, body } = await raw(target);
        expect(`${target} ${status}`).toMatch(/ 4\d\d$/);
        expect(body).toMatchObject({
          code: expect.any(String) as unknown,
          message: expect.any(String) as unknown,
        });
      }
    });

    it('answers a URL over the size limit with 431 in the usual shape', async () => {
      const { status, body } = await raw(`/api/v1/territories?search=${'a'.repeat(20_000)}`);
      expect(status).toBe(431);
      expect(body).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
    });
  });
});
