import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '#shared/contracts/audit.contract';
import { renderMessage } from '#shared/messages/catalogue';
import { signedInUser } from '#server/test/factories';
import { shortPersonName } from './audit.rules';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('audit log routes', () => {
  let t: TestApp;
  let admin: Session;
  let other: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    other = (await signedInUser(t, { role: 'viewer' })).session;
    await other.request('PATCH', '/api/v1/me/preferences', { locale: 'en' });
    await admin.request('PATCH', '/api/v1/me/preferences', { locale: 'ky' });
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (query: string) => {
    const response = await admin.request('GET', `/api/v1/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditList>();
  };

  it('lists entries newest first, with a total and paging', async () => {
    const page = await list('?limit=5');
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(64);
    const times = page.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const next = await list('?limit=5&offset=5');
    expect(next.items.map((e) => e.id)).not.toContain(page.items[0]?.id);
  });

  it('filters by action', async () => {
    const { items, total } = await list('?action=user.locale_changed');
    expect(total).toBe(2);
    expect(items.every((e) => e.action === 'user.locale_changed')).toBe(true);
  });

  it('filters by entity type', async () => {
    const { items, total } = await list('?entityType=agency&limit=500');
    expect(total).toBe(10);
    expect(items.every((e) => e.entityType === 'agency' && e.action === 'agency.created')).toBe(true);
  });

  it('filters by actor, and records who, from where and in which request', async () => {
    const { items } = await list(`?actorId=${other.body.user.id}`);
    expect(items.map((e) => e.action).sort()).toEqual(['auth.login', 'user.locale_changed']);
    expect(
      items.every((e) => e.actorId === other.body.user.id && e.actorUsername === other.body.user.username),
    ).toBe(true);
    const change = items.find((e) => e.action === 'user.locale_changed');
    expect(change).toMatchObject({
      entityType: 'user',
      entityId: other.body.user.id,
      before: { locale: 'ru' },
      after: { locale: 'en' },
      ip: '127.0.0.1',
    });
    expect(change?.requestId).toBeTruthy();
  });

  it("describes each entry as a sentence with names, never ids, in the reader's language", async () => {
    const { items } = await list(`?action=user.locale_changed&actorId=${other.body.user.id}`);
    const [entry] = items;
    expect(entry?.sentence).toMatchObject({ key: 'audit.action.user.locale_changed' });
    const name = shortPersonName(other.body.user.displayName);
    expect(entry?.actorName).toBe(name);
    const sentence = renderMessage(entry!.sentence, 'ru');
    expect(sentence).toBe(`${name} сменил(а) язык интерфейса: ${other.body.user.displayName}`);
    expect(sentence).not.toContain(other.body.user.id);
    const change = entry?.changes.find((c) => c.field === 'locale');
    expect(change && renderMessage(change.label!, 'ky')).toBe('Интерфейстин тили');
    expect(change && `${renderMessage(change.before, 'en')} → ${renderMessage(change.after, 'en')}`).toBe(
      'Russian → English',
    );
  });

  it('combines filters and filters by time', async () => {
    const both = await list(`?action=user.locale_changed&actorId=${admin.body.user.id}`);
    expect(both.items.map((e) => e.after)).toEqual([{ locale: 'ky' }]);
    const future = await list(`?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.total).toBe(0);
  });

  it('refuses unknown filters and bad values', async () => {
    expect((await admin.request('GET', '/api/v1/audit?user=admin')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/v1/audit?actorId=admin')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/v1/audit?limit=501')).statusCode).toBe(400);
  });

  it('has no route that changes or removes entries', async () => {
    const before = (await list('?limit=1')).total;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await admin.request(method, '/api/v1/audit', {});
      expect(response.statusCode).toBe(405);
      expect(response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
      expect(response.headers.allow).toBe('GET, HEAD');
      expect((await admin.request(method, '/api/v1/audit/1', {})).statusCode).toBe(404);
    }
    expect((await list('?limit=1')).total).toBe(before);
  });

  it('is for administrators only', async () => {
    const response = await other.request('GET', '/api/v1/audit');
    expect(response.statusCode).toBe(403);
  });
});
