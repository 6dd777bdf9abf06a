import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isAccountLocked, passwordProblems, sessionExpiry } from './auth.rules';

const at = (iso: string) => new Date(iso);
const now = at('2026-03-01T12:00:00Z');
const policy = { maxFailures: 3, lockMinutes: 15 };

describe('isAccountLocked', () => {
  it('is locked only while lockedUntil lies in the future', () => {
    expect(isAccountLocked({ failedLoginCount: 0, lockedUntil: null }, now)).toBe(false);
    expect(isAccountLocked({ failedLoginCount: 0, lockedUntil: at('2026-03-01T12:00:01Z') }, now)).toBe(true);
    expect(isAccountLocked({ failedLoginCount: 0, lockedUntil: now }, now)).toBe(false);
    expect(isAccountLocked({ failedLoginCount: 0, lockedUntil: at('2026-03-01T11:59:59Z') }, now)).toBe(
      false,
    );
  });
});

describe('afterFailedLogin', () => {
  it('counts failures until the limit, then locks for lockMinutes and starts counting again', () => {
    let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
    state = afterFailedLogin(state, now, policy);
    expect(state).toEqual({ failedLoginCount: 1, lockedUntil: null });
    state = afterFailedLogin(state, now, policy);
    expect(state).toEqual({ failedLoginCount: 2, lockedUntil: null });
    state = afterFailedLogin(state, now, policy);
    expect(state).toEqual({ failedLoginCount: 0, lockedUntil: at('2026-03-01T12:15:00Z') });
    expect(isAccountLocked(state, now)).toBe(true);
  });

  it('keeps an earlier lock time while counting', () => {
    const earlier = at('2026-03-01T10:00:00Z');
    expect(afterFailedLogin({ failedLoginCount: 0, lockedUntil: earlier }, now, policy)).toEqual({
      failedLoginCount: 1,
      lockedUntil: earlier,
    });
  });

  it('locks at once when the limit is one', () => {
    expect(
      afterFailedLogin({ failedLoginCount: 0, lockedUntil: null }, now, { maxFailures: 1, lockMinutes: 1 })
        .lockedUntil,
    ).toEqual(at('2026-03-01T12:01:00Z'));
  });
});

// The problems are sentences for people and their wording may change; the tests match what they are about.
const tooShort = { key: 'password.min_length', params: { min: 10 } };
const tooFewDistinct = { key: 'password.distinct_characters', params: { min: 5 } };
const containsUsername = { key: 'password.not_username' };

describe('passwordProblems', () => {
  it('accepts a long, varied password', () => {
    expect(passwordProblems('Correct-horse-battery', 'aigerim')).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('aaaa', 'bolot')).toEqual([tooShort, tooFewDistinct]);
    expect(passwordProblems('aaaaaaaaaaaa', 'bolot')).toEqual([tooFewDistinct]);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblems('my-Aigerim-2025', 'aigerim')).toEqual([containsUsername]);
    // Very short usernames would match too much to be a useful rule.
    expect(passwordProblems('ab-cdefghij-2025', 'ab')).toEqual([]);
  });

  it('counts exactly ten characters as long enough', () => {
    expect(passwordProblems('abcdefghij', 'xyz')).toEqual([]);
    expect(passwordProblems('abcdefghi', 'xyz')).toEqual([tooShort]);
  });
});

describe('sessionExpiry', () => {
  const created = at('2026-03-01T00:00:00Z');

  it('extends by the idle time from now', () => {
    expect(sessionExpiry(created, now, 30, 72)).toEqual(at('2026-03-01T12:30:00Z'));
  });

  it('never goes past the absolute limit from creation', () => {
    expect(sessionExpiry(created, at('2026-03-03T23:50:00Z'), 30, 72)).toEqual(at('2026-03-04T00:00:00Z'));
    expect(sessionExpiry(created, at('2026-03-05T00:00:00Z'), 30, 72)).toEqual(at('2026-03-04T00:00:00Z'));
  });
});
