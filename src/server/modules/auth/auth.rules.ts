import { msg, renderMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import { AppError } from '#server/lib/app-error';

/** Pure rules of sign-in and passwords. */

export type LockoutState = { failedLoginCount: number; lockedUntil: Date | null };

/** Whether an account is locked at `now`. */
export function isAccountLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failed sign-in: once `maxFailures` failures pile up the account locks for
 * `lockMinutes`, and the count starts again so that the next lock needs as many failures.
 */
export function afterFailedLogin(
  state: LockoutState,
  now: Date,
  policy: { maxFailures: number; lockMinutes: number },
): LockoutState {
  const failures = state.failedLoginCount + 1;
  if (failures >= policy.maxFailures) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLoginCount: failures, lockedUntil: state.lockedUntil };
}

/** Problems with a proposed password (what it still needs), empty when it is acceptable. */
export function passwordProblems(password: string, username: string): Message[] {
  const problems: Message[] = [];
  if (password.length < 10) problems.push(msg('password.min_length', { min: 10 }));
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length >= 3) {
    problems.push(msg('password.not_username'));
  }
  if (new Set(password).size < 5) problems.push(msg('password.distinct_characters', { min: 5 }));
  return problems;
}

/** The refusal of a weak password: one sentence listing what it needs, and each need in English in details. */
export function weakPasswordError(field: string, problems: readonly Message[]): AppError {
  return new AppError('PASSWORD_TOO_WEAK', msg('password.needs', { problems }), {
    field,
    problems: problems.map((problem) => renderMessage(problem, 'en')),
  });
}

/** When a session ends: the earlier of idle expiry from now and the absolute limit from its creation. */
export function sessionExpiry(createdAt: Date, now: Date, idleMinutes: number, maxHours: number): Date {
  const idle = now.getTime() + idleMinutes * 60_000;
  const absolute = createdAt.getTime() + maxHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}
