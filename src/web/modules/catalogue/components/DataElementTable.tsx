import { Button, Code, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import type { CategoryCombo, DataElement } from '#shared/contracts/catalogue.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ActiveBadge } from './ActiveBadge';
import { DataElementDetails } from './DataElementDetails';
import { unitName } from '#shared/messages/catalogue';

type DataElementTableProps = {
  elements: DataElement[];
  agencies: ReadonlyMap<string, Agency>;
  combos: ReadonlyMap<string, CategoryCombo>;
  isLoading: boolean;
  canManage: boolean;
  onEdit: (element: DataElement) => void;
};

/** Raw data elements with everything that says how they are reported and aggregated. */
export function DataElementTable({
  elements,
  agencies,
  combos,
  isLoading,
  canManage,
  onEdit,
}: DataElementTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const columns: DataColumn<DataElement>[] = [
    { key: 'code', header: t('catalogue.fields.code'), noWrap: true, render: (e) => <Code>{e.code}</Code> },
    {
      key: 'name',
      header: t('catalogue.fields.name'),
      render: (e) => (
        <Text size="sm" fw={500}>
          {localName(e.name, locale)}
        </Text>
      ),
    },
    {
      key: 'agency',
      header: t('catalogue.fields.agency'),
      noWrap: true,
      render: (e) => {
        const agency = agencies.get(e.agencyId);
        return agency ? localName(agency.shortName, locale) : '—';
      },
    },
    { key: 'unit', header: t('catalogue.fields.unit'), render: (e) => unitName(e.unit, locale) },
    {
      key: 'valueType',
      header: t('catalogue.fields.valueType'),
      render: (e) => t(`catalogue.valueTypes.${e.valueType}`),
    },
    {
      key: 'periodType',
      header: t('catalogue.fields.periodType'),
      render: (e) => t(`catalogue.periodTypes.${e.periodType}`),
    },
    {
      key: 'combo',
      header: t('catalogue.fields.disaggregation'),
      render: (e) => {
        const combo = combos.get(e.categoryComboId);
        return combo ? localName(combo.name, locale) : '—';
      },
    },
    {
      key: 'aggregation',
      header: t('catalogue.fields.aggregation'),
      noWrap: true,
      render: (e) =>
        t('catalogue.aggregationPair', {
          time: t(`catalogue.aggregations.${e.aggregationTime}`),
          territory: t(`catalogue.aggregations.${e.aggregationTerritory}`),
        }),
    },
    {
      key: 'reportedLevel',
      header: t('catalogue.fields.reportedLevel'),
      render: (e) =>
        e.reportedLevel === 'leaf' ? t('catalogue.reportedLevelLeaf') : t(`levels.${e.reportedLevel}`),
    },
    {
      key: 'direction',
      header: t('catalogue.fields.direction'),
      render: (e) => t(`catalogue.directions.${e.direction}`),
    },
    {
      key: 'active',
      header: t('common.status'),
      noWrap: true,
      render: (e) => <ActiveBadge isActive={e.isActive} />,
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      render: (e) => (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          onClick={() => onEdit(e)}
          aria-label={t('catalogue.editOf', { code: e.code })}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  return (
    <DataTable
      caption={t('catalogue.tabs.dataElements')}
      columns={columns}
      rows={elements}
      rowKey={(e) => e.id}
      isLoading={isLoading}
      emptyText={t('catalogue.dataElements.empty')}
      minWidth={1400}
      rowProps={(e) => ({ 'data-code': e.code })}
      renderExpanded={(e) => <DataElementDetails element={e} />}
    />
  );
}
