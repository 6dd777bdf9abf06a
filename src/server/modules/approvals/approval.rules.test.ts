import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalStatuses, type ApprovalStatus } from '#shared/contracts/data-values.contract';
import { isFigureLocked } from '#shared/domain/value-scope';
import { renderMessage } from '#shared/messages/catalogue';

/** A writer who is not an officer: only approval locks figures against them. */
const everyone = { officer: false };
import { approvalSteps, maxReasonLength, stepSources, transition, type ApprovalStep } from './approval.rules';

describe('transition', () => {
  // Every (state, step) pair: the whole machine in one table.
  const table: Array<[ApprovalStatus, ApprovalStep, ApprovalStatus | 'refused']> = [
    ['draft', 'submit', 'submitted'],
    ['draft', 'approve', 'refused'],
    ['draft', 'return', 'refused'],
    ['draft', 'unlock', 'refused'],
    ['submitted', 'submit', 'refused'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'unlock', 'refused'],
    ['approved', 'submit', 'refused'],
    ['approved', 'approve', 'refused'],
    ['approved', 'return', 'refused'],
    ['approved', 'unlock', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['returned', 'approve', 'refused'],
    ['returned', 'return', 'refused'],
    ['returned', 'unlock', 'refused'],
  ];

  it.each(table)('%s --%s--> %s', (from, step, to) => {
    const result = transition(from, step, 'checked against the paper register');
    if (to === 'refused') {
      expect(result).toMatchObject({ ok: false, code: 'APPROVAL_STATE_INVALID' });
      if (!result.ok) {
        expect(result.message).toContain(from);
        expect(result.message).toContain(step);
      }
    } else {
      expect(result).toMatchObject({ ok: true, status: to });
    }
  });

  it('covers every state and step in the table', () => {
    expect(table).toHaveLength(approvalStatuses.length * approvalSteps.length);
  });

  it('requires a non-blank reason to return or unlock', () => {
    for (const reason of [undefined, null, '', '   \n\t']) {
      expect(transition('submitted', 'return', reason)).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
      expect(transition('approved', 'unlock', reason)).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(transition('submitted', 'return', 'x'.repeat(maxReasonLength + 1))).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });

  it('says why a step is refused in Kyrgyz, Russian and English', () => {
    const refused = transition('submitted', 'submit');
    if (refused.ok) throw new Error('a second submission must be refused');
    expect(refused.message).toBe(
      'Cannot submit figures that are submitted; submit is possible from draft or returned.',
    );
    expect(renderMessage(refused.localised, 'ru')).toBe(
      'Данные в состоянии «Представлено» нельзя представить на утверждение; это возможно только из состояния «Черновик» или «Возвращено».',
    );
    expect(renderMessage(refused.localised, 'ky')).toBe(
      '«Тапшырылды» абалындагы маалыматтарды бекитүүгө тапшырууга болбойт; бул «Долбоор» же «Кайтарылды» абалынан гана мүмкүн.',
    );
    const noReason = transition('approved', 'unlock', ' ');
    if (noReason.ok) throw new Error('an unlock without a reason must be refused');
    expect(renderMessage(noReason.localised, 'ru')).toBe('Укажите причину, чтобы разблокировать данные.');
  });

  it('keeps the reason trimmed, prefixes an unlock reason, and clears it on submit and approve', () => {
    expect(transition('submitted', 'return', '  Bishkek total is missing ')).toEqual({
      ok: true,
      status: 'returned',
      reason: 'Bishkek total is missing',
    });
    expect(transition('approved', 'unlock', 'court corrected the count')).toEqual({
      ok: true,
      status: 'returned',
      reason: 'unlocked: court corrected the count',
    });
    expect(transition('returned', 'submit', 'ignored')).toEqual({
      ok: true,
      status: 'submitted',
      reason: null,
    });
    expect(transition('submitted', 'approve')).toEqual({ ok: true, status: 'approved', reason: null });
  });

  it('refuses a wrong state before looking at the reason', () => {
    expect(transition('draft', 'return', '')).toMatchObject({ code: 'APPROVAL_STATE_INVALID' });
  });

  it('property: a step succeeds exactly from its source states, and only approved is locked', () => {
    const status = fc.constantFrom(...approvalStatuses);
    const step = fc.constantFrom(...approvalSteps);
    const reason = fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(status, step, reason, (from, s, r) => {
        const result = transition(from, s, r);
        expect(result.ok).toBe(stepSources[s].includes(from));
        if (result.ok) {
          expect(approvalStatuses).toContain(result.status);
          // Nothing goes straight back to draft, and only approve locks.
          expect(result.status).not.toBe('draft');
          expect(isFigureLocked(everyone, result.status)).toBe(s === 'approve');
        }
      }),
    );
  });

  it('property: any sequence of steps from draft stays in the machine and locks only after approve', () => {
    const steps = fc.array(fc.constantFrom(...approvalSteps), { maxLength: 30 });
    fc.assert(
      fc.property(steps, (sequence) => {
        let state: ApprovalStatus = 'draft';
        let lastApplied: ApprovalStep | null = null;
        for (const s of sequence) {
          const result = transition(state, s, 'reason');
          if (result.ok) {
            state = result.status;
            lastApplied = s;
          }
        }
        expect(isFigureLocked(everyone, state)).toBe(lastApplied === 'approve');
      }),
    );
  });
});
