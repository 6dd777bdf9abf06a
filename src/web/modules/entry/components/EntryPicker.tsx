import { Group, SegmentedControl, Select } from '@mantine/core';
import { formatMonthName } from '#shared/format/locale-format';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '#shared/contracts/territories.contract';
import { periodTypes, type PeriodType } from '#shared/domain/period';
import { localName } from '#web/lib/format';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useSession } from '#web/modules/auth/hooks/useSession';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';
import { defaultPeriod, periodFromParts, periodParts } from '../entry-grid';

export type EntryChoice = { agencyId: string | null; territoryId: string | null; period: string };

const levelIndent: Record<string, number> = {
  country: 0,
  oblast: 1,
  city_republican: 1,
  district: 2,
  city_oblast: 2,
};

/** The territory and everything below it, in list order. */
function subtree(territories: readonly Territory[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of territories)
      if (t.parentId && ids.has(t.parentId) && !ids.has(t.id)) {
        ids.add(t.id);
        grew = true;
      }
  }
  return ids;
}

/** Chooses the form: agency (fixed for agency officers), a territory in scope, and a period. */
export function EntryPicker({
  value,
  onChange,
}: {
  value: EntryChoice;
  onChange: (next: EntryChoice) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session } = useSession();
  const agencies = useAgencies();
  const territories = useTerritories();
  const user = session?.user;
  const agencyFixed = user?.role === 'agency_officer' && user.agencyId !== null;

  const agencyOptions = (agencies.data?.items ?? [])
    .filter((a) => (a.isActive || a.id === value.agencyId) && (!agencyFixed || a.id === user?.agencyId))
    .map((a) => ({ value: a.id, label: `${localName(a.shortName, locale)} — ${localName(a.name, locale)}` }));

  const territoryOptions = useMemo(() => {
    const items = territories.data?.items ?? [];
    const rootId =
      user?.role === 'regional_officer' || user?.role === 'agency_officer' ? user.territoryId : null;
    const allowed = rootId ? subtree(items, rootId) : null;
    return items
      .filter((x) => allowed === null || allowed.has(x.id))
      .map((x) => ({
        value: x.id,
        label: `${'\u2003'.repeat(levelIndent[x.level] ?? 0)}${localName(x.name, locale)}`,
      }));
  }, [territories.data, user, locale]);

  const parts = periodParts(value.period);
  const type: PeriodType = parts?.type ?? 'month';
  const year = parts?.year ?? new Date().getFullYear();
  const part = parts?.type === 'month' ? parts.month : parts?.type === 'quarter' ? parts.quarter : 1;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2010 + 1 }, (_, i) => String(thisYear - i));
  const monthNames = Array.from({ length: 12 }, (_, i) => formatMonthName(i + 1, locale));
  const setPeriod = (period: string) => onChange({ ...value, period });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('entry.agency')}
        data={agencyOptions}
        value={value.agencyId}
        onChange={(agencyId) => onChange({ ...value, agencyId })}
        searchable
        disabled={agencyFixed || agencies.isPending}
        placeholder={t('entry.chooseAgency')}
        nothingFoundMessage={t('common.noResults')}
        w={320}
        data-testid="entry-agency"
      />
      <Select
        label={t('entry.territory')}
        data={territoryOptions}
        value={value.territoryId}
        onChange={(territoryId) => onChange({ ...value, territoryId })}
        searchable
        disabled={territories.isPending}
        placeholder={t('entry.chooseTerritory')}
        nothingFoundMessage={t('common.noResults')}
        maxDropdownHeight={320}
        w={280}
        data-testid="entry-territory"
      />
      <SegmentedControl
        aria-label={t('entry.periodType')}
        data={periodTypes.map((p) => ({ value: p, label: t(`entry.periodTypes.${p}`) }))}
        value={type}
        onChange={(next) => setPeriod(defaultPeriod(next, new Date().toISOString().slice(0, 10)))}
      />
      <Select
        label={t('entry.year')}
        data={years}
        value={String(year)}
        onChange={(next) => next && setPeriod(periodFromParts(type, Number(next), part))}
        w={100}
        allowDeselect={false}
        data-testid="entry-year"
      />
      {type === 'month' ? (
        <Select
          label={t('entry.month')}
          data={monthNames.map((name, i) => ({ value: String(i + 1), label: name }))}
          value={String(part)}
          onChange={(next) => next && setPeriod(periodFromParts(type, year, Number(next)))}
          w={150}
          allowDeselect={false}
          data-testid="entry-month"
        />
      ) : null}
      {type === 'quarter' ? (
        <Select
          label={t('entry.quarter')}
          data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))}
          value={String(part)}
          onChange={(next) => next && setPeriod(periodFromParts(type, year, Number(next)))}
          w={90}
          allowDeselect={false}
          data-testid="entry-quarter"
        />
      ) : null}
    </Group>
  );
}
