import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, type CliHarness } from '../test/cli-harness';

describe('kuzot user …', () => {
  let cli: CliHarness;
  beforeAll(async () => {
    cli = await createCliHarness();
  });
  afterAll(async () => {
    await cli?.cleanup();
  });

  const passwordIn = (text: string) => /Password \([^)]*\): (\S+)/.exec(text)?.[1] ?? '';

  it('adds a user with a generated password; on an empty database it also prints the first administrator', async () => {
    const r = await cli.run(
      'user',
      'add',
      '--username',
      'ali',
      '--display-name',
      'Ali Valiev',
      '--role',
      'agency_officer',
      '--agency',
      'MIA',
      '--email',
      'ali@example.kg',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('First administrator (shown once');
    expect(r.stdout).toContain('Created user ali (agency_officer).');
    expect(passwordIn(r.stdout)).toMatch(/^\S{12,}$/);
    const again = await cli.run(
      'user',
      'add',
      '--username',
      'bek',
      '--display-name',
      'Bek',
      '--role',
      'viewer',
      '--password',
      'Kq7-chosen-secret-9',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('First administrator');
    expect(again.stdout).not.toContain('Password');
  });

  it('lists every user with role, scope and status', async () => {
    const r = await cli.run('user', 'list');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+SCOPE\s+STATUS/);
    expect(lines.find((l) => l.startsWith('ali '))).toMatch(
      /Ali Valiev\s+agency_officer\s+agency MIA\s+must change password/,
    );
    expect(lines.at(-1)).toBe('3 user(s)');
  });

  it('prints expected errors as "CODE: message" without a stack trace, exit status 1', async () => {
    const taken = await cli.run(
      'user',
      'add',
      '--username',
      'ALI',
      '--display-name',
      'Again',
      '--role',
      'viewer',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      /^USERNAME_TAKEN: This username is already taken\.\n {2}details: \{"field":"username"\}\n$/,
    );
    const unscoped = await cli.run(
      'user',
      'add',
      '--username',
      'reg',
      '--display-name',
      'Reg',
      '--role',
      'regional_officer',
    );
    expect(unscoped).toMatchObject({ code: 1, stderr: expect.stringMatching(/^SCOPE_REQUIRED: /) });
    const unknownAgency = await cli.run(
      'user',
      'add',
      '--username',
      'x1',
      '--display-name',
      'X',
      '--role',
      'agency_officer',
      '--agency',
      'NOPE',
    );
    expect(unknownAgency).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: No agency has the code "NOPE"/),
    });
    const missing = await cli.run('user', 'disable', 'nobody');
    expect(missing).toMatchObject({ code: 1, stderr: 'error: No user is named "nobody".\n' });
    for (const r of [taken, unscoped, unknownAgency, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('treats a bad option as a usage error (status 2)', async () => {
    const r = await cli.run('user', 'add', '--username', 'x2', '--display-name', 'X', '--role', 'king');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'king' is invalid");
  });

  it('disables and enables a user, audited as the CLI user', async () => {
    expect(await cli.run('user', 'disable', 'ali')).toMatchObject({
      code: 0,
      stdout: 'Disabled user ali; their sessions have ended.\n',
    });
    expect((await cli.run('user', 'list')).stdout).toMatch(/\nali .*disabled/);
    expect(await cli.run('user', 'enable', 'Ali')).toMatchObject({ code: 0, stdout: 'Enabled user ali.\n' });
    const audit = await cli.inspect((c) => c.services.audit.list({ action: 'user.disabled' }));
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.actorUsername).toMatch(/^cli:/);
  });

  it('resets a password to a generated one that signs in', async () => {
    const r = await cli.run('user', 'reset-password', 'ali');
    expect(r.code).toBe(0);
    const password = passwordIn(r.stdout);
    const session = await cli.inspect((c) =>
      c.services.auth.login({ username: 'ali', password, ip: '127.0.0.1', userAgent: null, requestId: null }),
    );
    expect(session.session.user.mustChangePassword).toBe(true);
    const chosen = await cli.run('user', 'reset-password', 'bek', '--password', 'Kq7-other-secret-9');
    expect(chosen).toMatchObject({
      code: 0,
      stdout: 'Reset the password of bek; it must be changed at the next sign-in.\n',
    });
  });

  it('sets a role with its scope', async () => {
    const r = await cli.run(
      'user',
      'set-role',
      'bek',
      '--role',
      'regional_officer',
      '--territory',
      '41705000000000',
    );
    expect(r).toMatchObject({
      code: 0,
      stdout: 'User bek is now regional_officer for territory 41705000000000.\n',
    });
    expect((await cli.run('user', 'list')).stdout).toMatch(
      /\nbek .*regional_officer\s+territory 41705000000000/,
    );
    const demoted = await cli.run('user', 'set-role', 'bek', '--role', 'viewer');
    expect(demoted).toMatchObject({ code: 0, stdout: 'User bek is now viewer.\n' });
  });
});
