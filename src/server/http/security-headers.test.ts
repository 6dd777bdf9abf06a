import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers';

async function headersOf(secureCookies: boolean) {
  const app = Fastify();
  registerSecurityHeaders(app, { secureCookies });
  app.get('/x', () => ({ ok: true }));
  const first = await app.inject({ url: '/x' });
  const second = await app.inject({ url: '/x' });
  await app.close();
  return { first: first.headers, second: second.headers };
}

describe('security headers', () => {
  it('sends the same policy on every answer, built once', async () => {
    const { first, second } = await headersOf(false);
    expect(first['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first['content-security-policy']).toContain("object-src 'none'");
    expect(first['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(first['x-content-type-options']).toBe('nosniff');
    expect(first['cross-origin-resource-policy']).toBe('same-origin');
    expect(first['referrer-policy']).toBe('no-referrer');
    expect(second['content-security-policy']).toBe(first['content-security-policy']);
  });

  it('asks browsers to keep to HTTPS only when the server is served over it', async () => {
    expect((await headersOf(false)).first['strict-transport-security']).toBeUndefined();
    expect((await headersOf(true)).first['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});
