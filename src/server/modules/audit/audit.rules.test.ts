import { describe, expect, it } from 'vitest';
import { renderMessage } from '#shared/messages/catalogue';
import {
  describeAuditEntry,
  referencedIds,
  shortPersonName,
  type AuditFacts,
  type AuditNames,
} from './audit.rules';

const ids = {
  actor: '11111111-1111-4111-8111-111111111111',
  customs: '22222222-2222-4222-8222-222222222222',
  osh: '33333333-3333-4333-8333-333333333333',
  element: '44444444-4444-4444-8444-444444444444',
  officer: '55555555-5555-4555-8555-555555555555',
};

const names: AuditNames = {
  users: new Map([
    [ids.actor, 'Айгүл Токтосунова'],
    [ids.officer, 'Bakyt Usenov'],
  ]),
  territories: new Map([[ids.osh, { ky: 'Ош шаары', ru: 'город Ош', en: 'Osh city' }]]),
  agencies: new Map([[ids.customs, { ky: 'Бажы', ru: 'Таможня', en: 'Customs' }]]),
  elements: new Map([[ids.element, { ky: 'Баңги кылмыштары', ru: 'Наркопреступления', en: 'Drug crimes' }]]),
  indicators: new Map(),
  rules: new Map(),
};

const approval: AuditFacts = {
  action: 'approval.approve',
  entityType: 'data_approval',
  entityId: `${ids.customs}/${ids.osh}/2025-03`,
  actorId: ids.actor,
  actorUsername: 'aigul',
  before: { status: 'submitted', submittedBy: ids.officer },
  after: { status: 'approved', submittedBy: ids.officer, decidedBy: ids.actor },
};

describe('audit sentences', () => {
  it('finds every id of a page, by kind, for one lookup each', () => {
    const found = referencedIds([approval]);
    expect([...found.users].sort()).toEqual([ids.actor, ids.officer].sort());
    expect([...found.agencies]).toEqual([ids.customs]);
    expect([...found.territories]).toEqual([ids.osh]);
  });

  it('writes who did what to which report, with names and the period, in each language', () => {
    const { sentence, changes } = describeAuditEntry(approval, names, 'system');
    expect(renderMessage(sentence, 'en')).toBe('Айгүл Т. approved Customs · Osh city · March 2025');
    expect(renderMessage(sentence, 'ru')).toBe('Айгүл Т. утвердил(а): Таможня · город Ош · март 2025');
    expect(renderMessage(sentence, 'ky')).toBe('Айгүл Т. бекитти: Бажы · Ош шаары · 2025-ж. март');
    const status = changes.find((c) => c.field === 'status');
    expect(status && renderMessage(status.label ?? { key: '' }, 'ru')).toBe('Статус');
    expect(status && renderMessage(status.after, 'ky')).toBe('бекитилген');
    const decided = changes.find((c) => c.field === 'decidedBy');
    expect(decided && renderMessage(decided.after, 'en')).toBe('Айгүл Токтосунова');
    expect(decided && renderMessage(decided.before, 'en')).toBe('(none)');
  });

  it('names a value cell and never shows an id', () => {
    const saved: AuditFacts = {
      action: 'data.value.saved',
      entityType: 'data_value',
      entityId: `${ids.element}|2025-03|${ids.osh}|`,
      actorId: ids.officer,
      actorUsername: 'bakyt',
      before: null,
      after: { value: 4032.5 },
    };
    const { sentence, changes } = describeAuditEntry(saved, names, 'system');
    const text = renderMessage(sentence, 'ru');
    expect(text).toBe('Bakyt U. ввёл(а) значение: Наркопреступления · город Ош · март 2025');
    expect(renderMessage(changes[0]!.after, 'ru')).toBe('4\u00a0032,5');
    expect(text).not.toMatch(/[0-9a-f]{8}-/);
  });

  it('says so when a name is gone, and keeps unknown actions readable', () => {
    const gone = { ...approval, entityId: `${ids.customs}/99999999-9999-4999-8999-999999999999/2025-03` };
    expect(renderMessage(describeAuditEntry(gone, names, 'system').sentence, 'en')).toBe(
      'Айгүл Т. approved (deleted or unknown)',
    );
    const odd: AuditFacts = { ...approval, action: 'something.new', entityType: 'thing', entityId: null };
    expect(renderMessage(describeAuditEntry(odd, names, 'system').sentence, 'en')).toBe(
      'Айгүл Т.: something.new (—)',
    );
  });

  it('shortens a person name to first name and initial', () => {
    expect(shortPersonName('Айгүл Токтосунова')).toBe('Айгүл Т.');
    expect(shortPersonName('Admin')).toBe('Admin');
  });
});
