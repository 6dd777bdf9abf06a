import { useMemo } from 'react';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tooltip,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '#shared/contracts/catalogue.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import { periodTypes } from '#shared/domain/period';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { last12Months, periodChoices, thisYear, withPeriodType, type ExplorerForm } from '../explorer-form';

type ExplorerFiltersProps = {
  form: ExplorerForm;
  onChange: (form: ExplorerForm) => void;
  onShow: () => void;
  catalogue: Catalogue | undefined;
  territories: readonly Territory[];
  canShow: boolean;
  isLoading: boolean;
};

const firstYear = 2010;

/** The pickers of the explorer: items, territories, periods, disaggregation and the approved-only switch. */
export function ExplorerFilters({
  form,
  onChange,
  onShow,
  catalogue,
  territories,
  canShow,
  isLoading,
}: ExplorerFiltersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (patch: Partial<ExplorerForm>) => onChange({ ...form, ...patch });

  const itemData = useMemo(
    () => [
      {
        group: t('explorer.indicators'),
        items: (catalogue?.indicators ?? []).map((i) => ({
          value: i.code,
          label: `${i.name[locale]} · ${i.code}`,
        })),
      },
      {
        group: t('explorer.elements'),
        items: (catalogue?.dataElements ?? []).map((e) => ({
          value: e.code,
          label: `${e.name[locale]} · ${e.code}`,
        })),
      },
    ],
    [catalogue, locale, t],
  );
  const territoryData = useMemo(() => {
    const groups = new Map<string, Array<{ value: string; label: string }>>();
    for (const territory of territories) {
      const group = t(`levels.${territory.level}`);
      groups.set(group, [
        ...(groups.get(group) ?? []),
        { value: territory.id, label: territory.name[locale] },
      ]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [territories, locale, t]);
  const periods = useMemo(
    () => periodChoices(form.periodType, firstYear, new Date().getUTCFullYear() + 1),
    [form.periodType],
  );
  const categoryData = (catalogue?.categories ?? []).map((c) => ({ value: c.code, label: c.name[locale] }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <MultiSelect
          label={t('explorer.items')}
          placeholder={t('explorer.itemsPlaceholder')}
          data={itemData}
          value={form.items}
          onChange={(items) => set({ items })}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          maxDropdownHeight={320}
          data-testid="explorer-items"
        />
        <Stack gap={6}>
          <MultiSelect
            label={t('explorer.territories')}
            placeholder={t('explorer.territoriesPlaceholder')}
            data={territoryData}
            value={form.territoryIds}
            onChange={(territoryIds) => set({ territoryIds })}
            searchable
            clearable
            nothingFoundMessage={t('common.noResults')}
            maxDropdownHeight={320}
            data-testid="explorer-territories"
          />
          <Switch
            label={t('explorer.childrenOf')}
            checked={form.children}
            onChange={(event) => set({ children: event.currentTarget.checked })}
            data-testid="explorer-children"
          />
        </Stack>
      </SimpleGrid>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('explorer.periodType')}
          value={form.periodType}
          onChange={(value) => onChange(withPeriodType(form, value))}
          data={periodTypes.map((type) => ({ value: type, label: t(`explorer.periodTypes.${type}`) }))}
        />
        <SegmentedControl
          aria-label={t('explorer.periodMode')}
          value={form.last === null ? 'range' : 'last'}
          onChange={(value) => set({ last: value === 'range' ? null : 12 })}
          data={[
            { value: 'range', label: t('explorer.range') },
            { value: 'last', label: t('explorer.relative') },
          ]}
        />
        {form.last === null ? (
          <>
            <Select
              label={t('explorer.from')}
              data={periods}
              value={form.from}
              onChange={(from) => from && set({ from })}
              searchable
              w={130}
              data-testid="explorer-from"
            />
            <Select
              label={t('explorer.to')}
              data={periods}
              value={form.to}
              onChange={(to) => to && set({ to })}
              searchable
              w={130}
              data-testid="explorer-to"
            />
          </>
        ) : (
          <NumberInput
            label={t('explorer.lastN')}
            value={form.last}
            min={1}
            max={240}
            onChange={(value) =>
              set({ last: typeof value === 'number' && value >= 1 ? Math.min(value, 240) : 1 })
            }
            w={130}
          />
        )}
        <Button variant="light" onClick={() => onChange(last12Months(form))}>
          {t('explorer.quick.last12Months')}
        </Button>
        <Button variant="light" onClick={() => onChange(thisYear(form))}>
          {t('explorer.quick.thisYear')}
        </Button>
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Select
          label={t('explorer.disaggregation')}
          placeholder={t('explorer.disaggregationNone')}
          data={categoryData}
          value={form.disaggregation}
          onChange={(disaggregation) => set({ disaggregation })}
          clearable
          w={240}
        />
        <Switch
          label={t('explorer.samePeriodLastYear')}
          checked={form.samePeriodLastYear}
          onChange={(event) => set({ samePeriodLastYear: event.currentTarget.checked })}
        />
        <Switch
          label={t('explorer.approvedOnly')}
          checked={form.approvedOnly}
          onChange={(event) => set({ approvedOnly: event.currentTarget.checked })}
        />
        <Tooltip label={t('explorer.officialPopulationOnlyHint')} withArrow multiline maw={360}>
          <Switch
            label={t('explorer.officialPopulationOnly')}
            checked={form.officialPopulationOnly}
            onChange={(event) => set({ officialPopulationOnly: event.currentTarget.checked })}
            data-testid="explorer-official-population"
          />
        </Tooltip>
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={onShow}
          disabled={!canShow}
          loading={isLoading}
          data-testid="explorer-show"
        >
          {t('explorer.show')}
        </Button>
      </Group>
    </Stack>
  );
}
