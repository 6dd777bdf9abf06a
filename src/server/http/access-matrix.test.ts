import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfHeaderName } from '#shared/contracts/auth.contract';
import { permissionRoles, roles, type Role } from '#shared/domain/access';
import { buildApp } from '#server/http/app';
import { createMetrics } from '#server/http/metrics';
import type { RouteAccess } from '#server/http/route-access';
import { enqueueJob } from '#server/jobs/queue';
import { dataImportJob } from '#server/modules/imports/import.types';
import {
  csvOf,
  multipartFile,
  signedInUser,
  soate,
  strongPassword,
  uniqueName,
  unknownId,
} from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

/**
 * Who may call each route, decided here by hand. A route the app registers without an entry here, or an
 * entry without a route, fails the suite: a new route cannot ship without someone deciding its access.
 */
type Allowed = 'public' | 'authenticated' | readonly Role[];
const admin = ['administrator'] as const;
const everyone = roles;

const accessTable: Record<string, Allowed> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'GET /api/v1/auth/session': 'authenticated',
  'PATCH /api/v1/me/preferences': 'authenticated',
  'POST /api/v1/me/password': 'authenticated',
  'GET /api/v1/users': admin,
  'POST /api/v1/users': admin,
  'GET /api/v1/users/:id': admin,
  'PATCH /api/v1/users/:id': admin,
  'POST /api/v1/users/:id/reset-password': admin,
  'GET /api/v1/audit': admin,
  'GET /api/v1/agencies': everyone,
  'POST /api/v1/agencies': admin,
  'PATCH /api/v1/agencies/:id': admin,
  'GET /api/v1/catalogue': everyone,
  'POST /api/v1/data-elements': admin,
  'PATCH /api/v1/data-elements/:id': admin,
  'POST /api/v1/indicators': admin,
  'PATCH /api/v1/indicators/:id': admin,
  'POST /api/v1/indicators/:id/versions': admin,
  'POST /api/v1/validation-rules': admin,
  'PATCH /api/v1/validation-rules/:id': admin,
  'POST /api/v1/formulas/check': everyone,
  'GET /api/v1/territories': everyone,
  'GET /api/v1/territories/:id': everyone,
  'POST /api/v1/territories': admin,
  'PATCH /api/v1/territories/:id': admin,
  'PUT /api/v1/territories/:id/population/:year': admin,
  'DELETE /api/v1/territories/:id/population/:year': admin,
  'POST /api/v1/population-imports': admin,
  'GET /api/v1/population-imports/template': admin,
  'GET /api/v1/jobs': admin,
  'GET /api/v1/jobs/:id': admin,
  'GET /api/v1/job-schedules': admin,
  'PATCH /api/v1/job-schedules/:id': admin,
  'POST /api/v1/job-schedules/:id/run': admin,
  'POST /api/v1/explorer/query': permissionRoles['explorer.use'],
  'POST /api/v1/explorer/export': permissionRoles['explorer.use'],
  'GET /api/v1/entry-forms': permissionRoles['data.enter'],
  'PUT /api/v1/data-values': permissionRoles['data.enter'],
  'GET /api/v1/data-values/history': permissionRoles['data.read'],
  'GET /api/v1/data-values/status': permissionRoles['data.read'],
  'GET /api/v1/data-templates': permissionRoles['data.enter'],
  'POST /api/v1/data-imports': permissionRoles['data.enter'],
  'GET /api/v1/data-imports/:id': permissionRoles['data.enter'],
  'POST /api/v1/data-value-sets': permissionRoles['data.enter'],
  'GET /api/v1/value-bounds': everyone,
  'PUT /api/v1/value-bounds': admin,
  'DELETE /api/v1/value-bounds/:id': admin,
  'GET /api/v1/approvals': permissionRoles['data.read'],
  'GET /api/v1/approvals/one': permissionRoles['data.read'],
  'POST /api/v1/approvals/submit': permissionRoles['data.submit'],
  'POST /api/v1/approvals/approve': permissionRoles['data.approve'],
  'POST /api/v1/approvals/return': permissionRoles['data.approve'],
  'POST /api/v1/approvals/unlock': permissionRoles['data.approve'],
  'POST /api/v1/approvals/bulk': permissionRoles['data.approve'],
  'GET /api/v1/reporting-deadlines': permissionRoles['data.read'],
  'PUT /api/v1/reporting-deadlines': admin,
  'GET /api/v1/completeness': permissionRoles['data.read'],
  'GET /api/v1/completeness/details': permissionRoles['data.read'],
};

type Caller = Role | 'anonymous';
const callers: readonly Caller[] = [...roles, 'anonymous'];
type Account = { session: Session; username: string; password: string };
/** `signIn` is an account anonymous callers may sign in with (the sign-in route is public). */
type Context = { t: TestApp; caller: Caller; account: Account | null; signIn: Account; oblastId: string };
type RequestSpec = { payload?: unknown; headers?: Record<string, string>; session?: Session | null };

let territoryCounter = 0;
const catalogueCode = () => uniqueName('m').replace(/\W/g, '_').toLowerCase();
const name = { ky: 'Сыноо', ru: 'Тест', en: 'Test' };
const brokenCsv = csvOf([
  ['code', 'year'],
  [soate.bishkek, '2030'],
]);

/** Requests that reach each handler with a sensible body; the rest send no body. */
const requestSpecs: Record<string, (c: Context) => RequestSpec | Promise<RequestSpec>> = {
  'POST /api/v1/auth/login': (c) => ({
    payload: { username: (c.account ?? c.signIn).username, password: (c.account ?? c.signIn).password },
  }),
  // Signing out would end the session the other routes use, so it gets a session of its own.
  'POST /api/v1/auth/logout': async (c) => ({
    session: c.account ? await c.t.login(c.account.username, c.account.password) : null,
  }),
  'PATCH /api/v1/me/preferences': () => ({ payload: { locale: 'en' } }),
  // The right current password and a weak new one: the handler runs, nothing changes.
  'POST /api/v1/me/password': (c) => ({
    payload: { currentPassword: c.account?.password ?? 'x', newPassword: 'weak' },
  }),
  'POST /api/v1/users': () => ({
    payload: { username: uniqueName('matrix'), displayName: 'Matrix', role: 'viewer' },
  }),
  'PATCH /api/v1/users/:id': () => ({ payload: { displayName: 'Matrix' } }),
  'POST /api/v1/users/:id/reset-password': () => ({ payload: {} }),
  'POST /api/v1/agencies': () => ({
    payload: { code: uniqueName('M').replace(/\W/g, '_').toUpperCase(), name, shortName: name },
  }),
  'PATCH /api/v1/agencies/:id': () => ({ payload: { isActive: true } }),
  'PATCH /api/v1/job-schedules/:id': () => ({ payload: { enabled: true } }),
  'POST /api/v1/data-elements': async (c) => ({
    payload: {
      code: catalogueCode(),
      name,
      agencyId: (await c.t.container.services.agencies.list()).items[0]?.id,
      unit: 'cases',
      valueType: 'integer',
      periodType: 'month',
      aggregationTime: 'sum',
      aggregationTerritory: 'sum',
      direction: 'neutral',
    },
  }),
  'PATCH /api/v1/data-elements/:id': () => ({ payload: { isActive: true } }),
  'POST /api/v1/indicators': () => ({
    payload: {
      code: catalogueCode(),
      name,
      unit: 'per_100k',
      direction: 'neutral',
      formula: '#{drug_crimes} / #{population.total} * 100000',
      validFrom: '2015-01-01',
    },
  }),
  'PATCH /api/v1/indicators/:id': () => ({ payload: { decimals: 2 } }),
  'POST /api/v1/indicators/:id/versions': () => ({ payload: { formula: '1', validFrom: '2030-01-01' } }),
  'POST /api/v1/validation-rules': () => ({
    payload: {
      code: catalogueCode(),
      name,
      leftSide: '#{drug_crimes}',
      operator: '>=',
      rightSide: '0',
      importance: 'low',
      periodType: 'month',
    },
  }),
  'PATCH /api/v1/validation-rules/:id': () => ({ payload: { isActive: true } }),
  'POST /api/v1/explorer/query': (c) => ({ payload: explorerQuery(c) }),
  'POST /api/v1/explorer/export': (c) => ({
    payload: { query: explorerQuery(c), layout: { rows: ['territory'], columns: ['period'] } },
  }),
  'POST /api/v1/formulas/check': () => ({ payload: { formula: '#{drug_crimes} * 2' } }),
  'POST /api/v1/territories': (c) => ({
    payload: {
      code: `417990${String(++territoryCounter).padStart(8, '0')}`,
      level: 'district',
      parentId: c.oblastId,
      name,
    },
  }),
  'PATCH /api/v1/territories/:id': () => ({ payload: { notes: 'matrix' } }),
  'PUT /api/v1/territories/:id/population/:year': () => ({ payload: { total: 1000, source: 'Matrix test' } }),
  'POST /api/v1/population-imports': () =>
    multipartFile({ filename: 'broken.csv', data: brokenCsv, contentType: 'text/csv' }),
  // Refused files and value sets: the handlers run, nothing is written.
  'POST /api/v1/data-imports': () =>
    multipartFile({ filename: 'broken.csv', data: brokenCsv, contentType: 'text/csv' }),
  'POST /api/v1/data-value-sets': () => ({
    payload: { values: [{ dataElement: 'no_such_element', territory: 'KG', period: '2024', value: 1 }] },
  }),
};

const explorerQuery = (c: Context) => ({
  items: ['drug_crimes'],
  territories: { ids: [c.oblastId], mode: 'selected' },
  periods: { type: 'year', from: '2024', to: '2024' },
});

const concreteUrl = (url: string) =>
  url.replace(':id', unknownId()).replace(':year', '2020').replace('*', 'swagger-ui.css');

async function send(c: Context, method: string, url: string): Promise<LightMyRequestResponse> {
  const spec = await (requestSpecs[`${method} ${url}`]?.(c) ?? {});
  const session = spec.session !== undefined ? spec.session : (c.account?.session ?? null);
  const headers: Record<string, string> = { ...spec.headers };
  if (session) {
    headers.cookie = session.cookie;
    headers[csrfHeaderName] = session.csrfToken;
  }
  const payload = spec.payload as Record<string, unknown> | Buffer | undefined;
  return c.t.app.inject({
    method: method as 'GET',
    url: concreteUrl(url),
    headers,
    ...(payload !== undefined ? { payload } : {}),
  });
}

const isAllowed = (allowed: Allowed, caller: Caller) =>
  allowed === 'public' ||
  (caller !== 'anonymous' && (allowed === 'authenticated' || allowed.includes(caller)));

describe('access matrix', () => {
  let t: TestApp;
  const registered = new Map<string, RouteAccess | undefined>();
  const headOnly: string[] = [];
  const accounts = new Map<Caller, Account | null>();
  let oblastId = '';
  const context = (caller: Caller): Context => {
    const signIn = accounts.get('viewer');
    if (!signIn) throw new Error('accounts not ready');
    return { t, caller, account: accounts.get(caller) ?? null, signIn, oblastId };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seen: Array<{ methods: string[]; url: string; access: RouteAccess | undefined }> = [];
    // A second app over the same container, built only to list its routes as they register. The route
    // options are copied at once: Fastify reuses the object for the trailing-slash variant it adds.
    const record = (r: RouteOptions) =>
      seen.push({ methods: [r.method].flat(), url: r.url, access: r.config?.access });
    const lister = await buildApp(
      { ...t.container, metrics: createMetrics() },
      { logger: false, onRoute: record },
    );
    await lister.ready();
    await lister.close();
    for (const route of seen) {
      for (const method of route.methods)
        if (method !== 'HEAD') registered.set(`${method} ${route.url}`, route.access);
    }
    // HEAD routes are Fastify's automatic twins of GET routes; a HEAD route without its GET would be a new route.
    for (const route of seen) {
      const getKeys = [route.url, route.url.replace(/\/$/, '')].map((u) => `GET ${u}`);
      if (route.methods.includes('HEAD') && !getKeys.some((k) => registered.has(k))) headOnly.push(route.url);
    }
    for (const role of roles) {
      const password = strongPassword();
      const { session, user } = await signedInUser(t, { role, password });
      accounts.set(role, { session, username: user.username, password });
    }
    accounts.set('anonymous', null);
    oblastId =
      (await t.container.services.territories.list()).items.find((x) => x.level === 'oblast')?.id ?? '';
  });

  afterAll(async () => {
    await t.close();
  });

  it('has an access decision for every registered route and a route for every decision', () => {
    expect([...registered.keys()].filter((k) => !(k in accessTable))).toEqual([]);
    expect(Object.keys(accessTable).filter((k) => !registered.has(k))).toEqual([]);
    expect(headOnly).toEqual([]);
  });

  it("agrees with the routes' own access config and with the permission table", () => {
    const disagreements: string[] = [];
    for (const [key, access] of registered) {
      const allowed = accessTable[key];
      if (allowed === undefined) continue;
      const url = key.split(' ')[1] ?? '';
      let expected: Allowed;
      if (!access) {
        // Only routes outside the versioned API (docs, static files) may lack a decision; they are public.
        if (url.startsWith('/api/') && !url.startsWith('/api/docs'))
          disagreements.push(`${key}: no access decision`);
        expected = 'public';
      } else if ('public' in access) expected = 'public';
      else if ('authenticated' in access) expected = 'authenticated';
      else expected = permissionRoles[access.permission];
      const same =
        typeof allowed === 'string' || typeof expected === 'string'
          ? allowed === expected
          : [...allowed].sort().join() === [...expected].sort().join();
      if (!same) disagreements.push(`${key}: table says ${String(allowed)}, route says ${String(expected)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it.each(Object.entries(accessTable))(
    '%s: allowed roles pass, others get 403, anonymous 401',
    async (key, allowed) => {
      const [method = '', url = ''] = key.split(' ');
      const wrong: string[] = [];
      for (const caller of callers) {
        const response = await send(context(caller), method, url);
        const code = response.statusCode >= 400 ? response.json<{ code: string }>().code : '';
        if (isAllowed(allowed, caller)) {
          if (response.statusCode === 401 || response.statusCode === 403)
            wrong.push(`${caller}: ${response.statusCode} ${code}`);
        } else if (caller === 'anonymous') {
          if (response.statusCode !== 401 || code !== 'UNAUTHENTICATED')
            wrong.push(`${caller}: ${response.statusCode} ${code}, expected 401 UNAUTHENTICATED`);
        } else if (response.statusCode !== 403 || code !== 'FORBIDDEN') {
          wrong.push(`${caller}: ${response.statusCode} ${code}, expected 403 FORBIDDEN`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('refuses every route but signing out and the own account to a user who must change the password', async () => {
    const password = strongPassword();
    const { session, user } = await signedInUser(t, {
      role: 'administrator',
      password,
      passwordChangeDue: true,
    });
    const c: Context = {
      ...context('administrator'),
      account: { session, username: user.username, password },
    };
    const allowed = [
      'POST /api/v1/auth/logout',
      'GET /api/v1/auth/session',
      'PATCH /api/v1/me/preferences',
      'POST /api/v1/me/password',
    ];
    const wrong: string[] = [];
    for (const [key, access] of Object.entries(accessTable)) {
      if (access === 'public') continue;
      const [method = '', url = ''] = key.split(' ');
      const response = await send(c, method, url);
      const code = response.statusCode >= 400 ? response.json<{ code: string }>().code : '';
      const isRefused = response.statusCode === 403 && code === 'PASSWORD_CHANGE_REQUIRED';
      if (isRefused === allowed.includes(key)) wrong.push(`${key}: ${response.statusCode} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('runs the handlers of allowed roles (the requests above are not refused by validation alone)', async () => {
    const c = context('administrator');
    expect((await send(c, 'POST', '/api/v1/users')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/agencies')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/territories')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/data-elements')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/indicators')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/validation-rules')).statusCode).toBe(201);
    expect((await send(c, 'POST', '/api/v1/population-imports')).json()).toMatchObject({
      code: 'IMPORT_INVALID',
    });
    expect((await send(c, 'POST', '/api/v1/me/password')).json()).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
    });
    expect((await send(context('anonymous'), 'POST', '/api/v1/auth/login')).statusCode).toBe(200);
  });
});

/**
 * Scoped reads: a role may call a route and still see only its own scope. An officer of one agency never
 * reads another agency's reports (approval state, approver, return reason, drafts, completeness), nor a
 * regional officer those outside their territory subtree.
 */
describe('access matrix: scoped reads', () => {
  let t: TestApp;
  type Officer = { session: Session; label: string };
  let customs: Session;
  let outsiders: Officer[];
  let element = '';
  let customsId = '';
  let districtId = '';
  const period = '2025-03';

  beforeAll(async () => {
    t = await createTestApp();
    const agencies = (await t.container.services.agencies.list()).items;
    const agencyOf = (code: string) => agencies.find((a) => a.code === code)?.id ?? '';
    customsId = agencyOf('CUS');
    const territories = (await t.container.services.territories.list()).items;
    const oblasts = territories.filter((x) => x.level === 'oblast');
    const [home, other] = oblasts;
    districtId = territories.find((x) => x.parentId === home?.id && x.level === 'district')?.id ?? '';
    const catalogue = await t.container.services.catalogue.getCatalogue();
    element = catalogue.dataElements.find((e) => e.code === 'customs_seized_kg')?.id ?? '';

    const admin = (await signedInUser(t, { role: 'administrator' })).session;
    customs = (await signedInUser(t, { role: 'agency_officer', agencyId: customsId })).session;
    outsiders = [
      {
        label: 'drug-control officer',
        session: (await signedInUser(t, { role: 'agency_officer', agencyId: agencyOf('CNS') })).session,
      },
      {
        label: 'regional officer of another oblast',
        session: (await signedInUser(t, { role: 'regional_officer', territoryId: other?.id })).session,
      },
    ];
    // A Customs report for a district, submitted and returned with a reason.
    const key = { agencyId: customsId, territoryId: districtId, period };
    const saved = await customs.request('PUT', '/api/v1/data-values', {
      dataElementId: element,
      territoryId: districtId,
      period,
      disaggregation: 'cannabis',
      value: 4.5,
    });
    expect(saved.statusCode).toBe(200);
    expect((await customs.request('POST', '/api/v1/approvals/submit', key)).statusCode).toBe(200);
    const returned = await admin.request('POST', '/api/v1/approvals/return', {
      ...key,
      reason: 'Check the March seizure',
    });
    expect(returned.statusCode).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

  it("refuses one approval record of another agency's or territory's report", async () => {
    const url = `/api/v1/approvals/one?${query({ agencyId: customsId, territoryId: districtId, period })}`;
    const own = await customs.request('GET', url);
    expect(own.json()).toMatchObject({ status: 'returned', reason: 'Check the March seizure' });
    for (const { session, label } of outsiders) {
      const response = await session.request('GET', url);
      expect(`${label}: ${response.statusCode} ${response.json<{ code: string }>().code}`).toBe(
        `${label}: 403 OUT_OF_SCOPE`,
      );
    }
  });

  it('leaves the report out of the approval queue of others', async () => {
    const own = (await customs.request('GET', '/api/v1/approvals')).json<{ items: unknown[] }>();
    expect(own.items).toContainEqual(expect.objectContaining({ territoryId: districtId, period }));
    for (const { session } of outsiders) {
      for (const filter of [
        '',
        `?${query({ agencyId: customsId })}`,
        `?${query({ territoryId: districtId })}`,
      ]) {
        const list = (await session.request('GET', `/api/v1/approvals${filter}`)).json<{
          items: Array<{ agencyId: string; territoryId: string }>;
        }>();
        expect(list.items.filter((i) => i.agencyId === customsId && i.territoryId === districtId)).toEqual(
          [],
        );
      }
    }
  });

  it("refuses others' completeness of the report and narrows theirs to their own scope", async () => {
    const range = { from: period, to: period };
    const [cns, regional] = outsiders;
    for (const path of ['/api/v1/completeness', '/api/v1/completeness/details']) {
      const otherAgency = await cns!.session.request(
        'GET',
        `${path}?${query({ ...range, agencyId: customsId })}`,
      );
      expect(otherAgency.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
      const otherTerritory = await regional!.session.request(
        'GET',
        `${path}?${query({ ...range, territoryId: districtId })}`,
      );
      expect(otherTerritory.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    }
    for (const { session } of outsiders) {
      const details = (
        await session.request('GET', `/api/v1/completeness/details?${query({ ...range, limit: '500' })}`)
      ).json<{ items: Array<{ agencyId: string; territoryId: string; status: string }> }>();
      expect(details.items.length).toBeGreaterThan(0);
      expect(details.items.filter((i) => i.agencyId === customsId && i.territoryId === districtId)).toEqual(
        [],
      );
    }
    const byAgency = (
      await cns!.session.request('GET', `/api/v1/completeness?${query({ ...range, groupBy: 'agency' })}`)
    ).json<{ rows: Array<{ key: { agencyId?: string } }> }>();
    expect(new Set(byAgency.rows.map((r) => r.key.agencyId)).size).toBe(1);
    expect(byAgency.rows[0]?.key.agencyId).not.toBe(customsId);
  });

  it("refuses others the report's entry form and value history", async () => {
    const form = `/api/v1/entry-forms?${query({ agencyId: customsId, territoryId: districtId, period })}`;
    const history = `/api/v1/data-values/history?${query({ dataElementId: element, territoryId: districtId, period, disaggregation: 'cannabis' })}`;
    expect((await customs.request('GET', form)).statusCode).toBe(200);
    expect((await customs.request('GET', history)).json<{ items: unknown[] }>().items).toHaveLength(1);
    for (const { session, label } of outsiders) {
      for (const url of [form, history]) {
        const response = await session.request('GET', url);
        expect(`${label} ${url.split('?')[0]}: ${response.json<{ code: string }>().code}`).toBe(
          `${label} ${url.split('?')[0]}: OUT_OF_SCOPE`,
        );
      }
    }
  });

  it("refuses others the state and result of an officer's queued import", async () => {
    const jobId = await enqueueJob(
      t.container.database.db,
      dataImportJob,
      { uploadId: unknownId(), actorId: customs.body.user.id },
      { createdBy: customs.body.user.id },
    );
    expect((await customs.request('GET', `/api/v1/data-imports/${jobId}`)).statusCode).toBe(200);
    for (const { session } of outsiders) {
      const response = await session.request('GET', `/api/v1/data-imports/${jobId}`);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
