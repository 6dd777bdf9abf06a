import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app';

describe('sign-in limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginIpLimit: 3, loginMaxFailures: 100 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 RATE_LIMITED once an address has failed too often, even with the right password', async () => {
    const attempt = (username: string, password: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i++) {
      expect((await attempt(`nobody-${i}`, 'wrong', '10.9.8.7')).json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    const limited = await attempt(t.admin.username, t.admin.password, '10.9.8.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // It says when to try again: once the earliest failure leaves the 15-minute window.
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 900).toBe(true);
    expect(limited.json()).toMatchObject({ details: { retryAfterSeconds: retryAfter } });
    // Another address is not affected.
    expect((await attempt(t.admin.username, t.admin.password, '10.9.8.8')).statusCode).toBe(200);
  });
});
