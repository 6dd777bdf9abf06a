import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/**
 * The approval state machine of what one agency reported for one territory and period. Pure: the service
 * loads the current state, asks {@link transition} for the next one and stores it.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *   returned ─submit─▶    │                     │
 *      ▲ ◀───return (reason)┘                   │
 *      └────────────────unlock (reason)─────────┘
 *
 * Unlocking goes to `returned`, not `draft`: the officer sees why the figures came back, corrects them and
 * submits again, exactly as after a return. The reason is kept as `unlocked: <reason>`.
 */

export const approvalSteps = ['submit', 'approve', 'return', 'unlock'] as const;
export type ApprovalStep = (typeof approvalSteps)[number];

/** The longest reason accepted, so an audit entry stays readable. */
export const maxReasonLength = 2000;

/** The states each step may start from. */
export const stepSources: Record<ApprovalStep, readonly ApprovalStatus[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  unlock: ['approved'],
};

const stepTargets: Record<ApprovalStep, ApprovalStatus> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  unlock: 'returned',
};

/** Whether a step needs a reason: returning and unlocking must say why. */
export const stepNeedsReason = (step: ApprovalStep): boolean => step === 'return' || step === 'unlock';

/** The outcome of {@link transition}. */
export type TransitionResult =
  | { ok: true; status: ApprovalStatus; reason: string | null }
  | { ok: false; code: 'APPROVAL_STATE_INVALID' | 'VALIDATION_FAILED'; message: string; localised: Message };

/**
 * The state after `step` from `current`, with the reason to store (null after a submission or an approval,
 * which clear an earlier return reason). Refuses a step the state does not allow (naming both) and a return or
 * unlock without a non-blank reason.
 */
export function transition(
  current: ApprovalStatus,
  step: ApprovalStep,
  reason?: string | null,
): TransitionResult {
  if (!stepSources[step].includes(current)) {
    return {
      ok: false,
      code: 'APPROVAL_STATE_INVALID',
      ...described(msg('approval.step_not_allowed', { step, current })),
    };
  }
  if (!stepNeedsReason(step)) return { ok: true, status: stepTargets[step], reason: null };
  const text = (reason ?? '').trim();
  if (text === '') {
    return { ok: false, code: 'VALIDATION_FAILED', ...described(msg('approval.reason_required', { step })) };
  }
  if (text.length > maxReasonLength) {
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      ...described(msg('approval.reason_too_long', { max: maxReasonLength })),
    };
  }
  return { ok: true, status: stepTargets[step], reason: step === 'unlock' ? `unlocked: ${text}` : text };
}
