import type { LocalisedName } from '#shared/contracts/common.contract';
import { hasMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/**
 * Pure rules that turn audit entries into sentences with names: "Айгүл Т. approved Customs · Osh city ·
 * March 2025". They find every id an entry refers to (so the service can resolve a whole page at once) and
 * describe an entry with the names found: the sentence, and each changed field with a readable value.
 */

/** What an entry is made of (a row of the audit log). */
export type AuditFacts = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorUsername: string | null;
  before: unknown;
  after: unknown;
};

/** The ids a page of entries refers to, by kind. */
export type ReferencedIds = {
  users: Set<string>;
  territories: Set<string>;
  agencies: Set<string>;
  elements: Set<string>;
  indicators: Set<string>;
  rules: Set<string>;
};

/** Names found for the ids of a page; a missing id was deleted or never existed. */
export type AuditNames = {
  users: ReadonlyMap<string, string>;
  territories: ReadonlyMap<string, LocalisedName>;
  agencies: ReadonlyMap<string, LocalisedName>;
  elements: ReadonlyMap<string, LocalisedName>;
  indicators: ReadonlyMap<string, LocalisedName>;
  rules: ReadonlyMap<string, LocalisedName>;
};

/** One changed field: its name and its value before and after, each as a message. */
export type AuditChange = { field: string; label: Message | null; before: Message; after: Message };

/** An entry described: the sentence and the changes. */
export type AuditDescription = { sentence: Message; changes: AuditChange[] };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields whose value is the id of something with a name, and the kind of that thing. */
const idFields: Record<string, keyof ReferencedIds> = {
  agencyId: 'agencies',
  territoryId: 'territories',
  parentId: 'territories',
  dataElementId: 'elements',
  submittedBy: 'users',
  decidedBy: 'users',
  createdBy: 'users',
  userId: 'users',
};

/** Splits the entity id of an entry into the ids it is made of, by kind. */
function entityParts(facts: AuditFacts): Partial<Record<keyof ReferencedIds, string>> & {
  period?: string;
  year?: string;
  periodType?: string;
} {
  const id = facts.entityId ?? '';
  switch (facts.entityType) {
    case 'user':
      return isUuid(id) ? { users: id } : {};
    case 'territory':
      return { territories: id };
    case 'agency':
      return { agencies: id };
    case 'data_element':
      return { elements: id };
    case 'indicator':
      return { indicators: id };
    case 'validation_rule':
      return { rules: id };
    case 'population': {
      const [territory, year] = id.split('/');
      return { territories: territory, year };
    }
    case 'data_approval': {
      const [agency, territory, period] = id.split('/');
      return { agencies: agency, territories: territory, period };
    }
    case 'reporting_deadline': {
      const [agency, periodType] = id.split('/');
      return { agencies: agency, periodType };
    }
    case 'data_value': {
      const [element, period, territory] = id.split('|');
      return { elements: element, territories: territory, period };
    }
    default:
      return {};
  }
}

/** Every id a page of entries refers to: actors, the entity, and ids among the changed fields. */
export function referencedIds(entries: readonly AuditFacts[]): ReferencedIds {
  const ids: ReferencedIds = {
    users: new Set(),
    territories: new Set(),
    agencies: new Set(),
    elements: new Set(),
    indicators: new Set(),
    rules: new Set(),
  };
  for (const entry of entries) {
    if (entry.actorId) ids.users.add(entry.actorId);
    const parts = entityParts(entry);
    for (const kind of Object.keys(ids) as Array<keyof ReferencedIds>) {
      const id = parts[kind];
      if (isUuid(id)) ids[kind].add(id);
    }
    for (const side of [entry.before, entry.after]) {
      if (!isRecord(side)) continue;
      for (const [field, value] of Object.entries(side)) {
        const kind = idFields[field];
        if (kind && isUuid(value)) ids[kind].add(value);
      }
    }
  }
  return ids;
}

/**
 * A person's name as the log shows it: the first name and the initial of the second ("Айгүл Токтосунова" →
 * "Айгүл Т."); a one-word name as it is.
 */
export function shortPersonName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (!first) return displayName;
  return second ? `${first} ${second.charAt(0)}.` : first;
}

const unknownTarget: Message = { key: 'audit.target.unknown' };

function nameTarget(name: LocalisedName | string | undefined): Message {
  return name === undefined ? unknownTarget : { key: 'audit.target.name', params: { name } };
}

function codeOf(side: unknown): string | null {
  return isRecord(side) && typeof side.code === 'string' ? side.code : null;
}

/** What the entry changed, described with names: a report, a cell, a user, a territory and year, … */
function describeTarget(facts: AuditFacts, names: AuditNames): Message {
  const parts = entityParts(facts);
  const territory = parts.territories ? names.territories.get(parts.territories) : undefined;
  const agency = parts.agencies ? names.agencies.get(parts.agencies) : undefined;
  const after = isRecord(facts.after) ? facts.after : {};
  switch (facts.entityType) {
    case 'user': {
      const user = parts.users ? names.users.get(parts.users) : undefined;
      const username = typeof after.username === 'string' ? after.username : null;
      if (user) return nameTarget(user);
      return username ? nameTarget(username) : unknownTarget;
    }
    case 'territory':
    case 'agency':
    case 'data_element':
    case 'indicator':
    case 'validation_rule': {
      const kind = (
        {
          territory: 'territories',
          agency: 'agencies',
          data_element: 'elements',
          indicator: 'indicators',
          validation_rule: 'rules',
        } as const
      )[facts.entityType];
      const id = parts[kind];
      const name = id ? names[kind].get(id) : undefined;
      const code = codeOf(facts.after) ?? codeOf(facts.before);
      if (name && code) return { key: 'audit.target.code', params: { name, code } };
      return name ? nameTarget(name) : code ? nameTarget(code) : unknownTarget;
    }
    case 'population':
      return territory && parts.year
        ? { key: 'audit.target.territory_year', params: { territory, year: parts.year } }
        : facts.entityId === null
          ? { key: 'audit.target.none' }
          : unknownTarget;
    case 'data_approval':
      return agency && territory && parts.period
        ? { key: 'audit.target.report', params: { agency, territory, period: parts.period } }
        : unknownTarget;
    case 'reporting_deadline':
      return agency
        ? { key: 'audit.target.deadline', params: { agency, periodType: parts.periodType ?? '' } }
        : unknownTarget;
    case 'data_value': {
      if (facts.entityId === null) {
        const rows = typeof after.rows === 'number' ? after.rows : 0;
        // An import that changed nothing is recorded too, and says so.
        return after.changed === 0
          ? { key: 'audit.target.rows_unchanged', params: { rows } }
          : { key: 'audit.target.rows', params: { rows } };
      }
      const element = parts.elements ? names.elements.get(parts.elements) : undefined;
      return element && territory && parts.period
        ? { key: 'audit.target.cell', params: { element, territory, period: parts.period } }
        : unknownTarget;
    }
    case 'upload':
      return typeof after.filename === 'string'
        ? { key: 'audit.target.file', params: { file: after.filename, rows: Number(after.rows ?? 0) } }
        : unknownTarget;
    default:
      return facts.entityId
        ? { key: 'audit.target.text', params: { text: facts.entityId } }
        : { key: 'audit.target.none' };
  }
}

/** Fields never shown as changes: bookkeeping, not content. */
const hiddenFields = new Set(['id', 'createdAt', 'updatedAt', 'versions']);

/** A changed value as a message: names for ids, words for roles and statuses, periods and dates as people write them. */
function describeValue(field: string, value: unknown, names: AuditNames): Message {
  if (value === null || value === undefined || value === '') return { key: 'audit.value.none' };
  if (typeof value === 'boolean') return { key: value ? 'audit.value.yes' : 'audit.value.no' };
  const kind = idFields[field];
  if (kind && isUuid(value)) {
    const name = names[kind].get(value);
    return name ? { key: 'audit.value.name', params: { name } } : unknownTarget;
  }
  if (field === 'role' && typeof value === 'string')
    return { key: 'audit.value.role', params: { role: value } };
  if (field === 'status' && typeof value === 'string')
    return { key: 'audit.value.status', params: { status: value } };
  if (field === 'locale' && typeof value === 'string')
    return { key: 'audit.value.language', params: { locale: value } };
  if (field === 'unit' && typeof value === 'string')
    return { key: 'audit.value.unit', params: { unit: value } };
  if (field === 'period' && typeof value === 'string')
    return { key: 'audit.value.period', params: { period: value } };
  if (typeof value === 'number') return { key: 'audit.value.number', params: { value } };
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { key: 'audit.value.date', params: { date: value } };
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return { key: 'audit.value.datetime', params: { at: value } };
    return { key: 'audit.value.text', params: { text: value } };
  }
  if (isRecord(value) && ['ky', 'ru', 'en'].every((l) => typeof value[l] === 'string'))
    return { key: 'audit.value.name', params: { name: value } };
  return { key: 'audit.value.text', params: { text: JSON.stringify(value) } };
}

/** The fields that differ between before and after (all of them for a creation or a deletion). */
function changesOf(facts: AuditFacts, names: AuditNames): AuditChange[] {
  const before = isRecord(facts.before) ? facts.before : {};
  const after = isRecord(facts.after) ? facts.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !hiddenFields.has(f),
  );
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => {
      const labelKey = `audit.field.${field}`;
      return {
        field,
        label: hasMessage(labelKey) ? { key: labelKey } : null,
        before: describeValue(field, before[field], names),
        after: describeValue(field, after[field], names),
      };
    });
}

/** The name the log gives the actor: the user's short name, else the username kept with the entry, else "the system". */
export function actorNameOf(facts: AuditFacts, names: AuditNames): string | null {
  const full = facts.actorId ? names.users.get(facts.actorId) : undefined;
  return full ? shortPersonName(full) : facts.actorUsername;
}

/** Describes one entry: a sentence with names (never ids or field codes) and its changed fields. */
export function describeAuditEntry(
  facts: AuditFacts,
  names: AuditNames,
  systemName: string,
): AuditDescription {
  const actor = actorNameOf(facts, names) ?? systemName;
  const target = describeTarget(facts, names);
  const key = `audit.action.${facts.action}`;
  const sentence: Message = hasMessage(key)
    ? { key, params: { actor, target } }
    : { key: 'audit.action.other', params: { actor, action: facts.action, target } };
  return { sentence, changes: changesOf(facts, names) };
}
