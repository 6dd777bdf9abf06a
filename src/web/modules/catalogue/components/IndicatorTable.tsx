import { Button, Code, Group, Text } from '@mantine/core';
import { IconPencil, IconVersions } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '#shared/contracts/catalogue.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ActiveBadge } from './ActiveBadge';
import { VersionTimeline } from './VersionTimeline';
import { unitName } from '#shared/messages/catalogue';

type IndicatorTableProps = {
  indicators: Indicator[];
  isLoading: boolean;
  canManage: boolean;
  onEdit: (indicator: Indicator) => void;
  onNewVersion: (indicator: Indicator) => void;
};

/** Derived indicators with their current formula; each row opens onto its versions timeline. */
export function IndicatorTable({
  indicators,
  isLoading,
  canManage,
  onEdit,
  onNewVersion,
}: IndicatorTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const columns: DataColumn<Indicator>[] = [
    { key: 'code', header: t('catalogue.fields.code'), noWrap: true, render: (i) => <Code>{i.code}</Code> },
    {
      key: 'name',
      header: t('catalogue.fields.name'),
      render: (i) => (
        <Text size="sm" fw={500}>
          {localName(i.name, locale)}
        </Text>
      ),
    },
    {
      key: 'formula',
      header: t('catalogue.fields.formula'),
      render: (i) => <Code fz="xs">{i.versions.at(-1)?.formula ?? '—'}</Code>,
    },
    { key: 'unit', header: t('catalogue.fields.unit'), render: (i) => unitName(i.unit, locale) },
    {
      key: 'versions',
      header: t('catalogue.indicators.versions'),
      align: 'right',
      render: (i) => <span data-testid="version-count">{i.versions.length}</span>,
    },
    {
      key: 'direction',
      header: t('catalogue.fields.direction'),
      render: (i) => t(`catalogue.directions.${i.direction}`),
    },
    {
      key: 'active',
      header: t('common.status'),
      noWrap: true,
      render: (i) => <ActiveBadge isActive={i.isActive} />,
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      render: (i) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => onEdit(i)}
            aria-label={t('catalogue.editOf', { code: i.code })}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconVersions size={14} />}
            onClick={() => onNewVersion(i)}
            aria-label={t('catalogue.indicators.newVersionOf', { code: i.code })}
          >
            {t('catalogue.indicators.newVersion')}
          </Button>
        </Group>
      ),
    });

  return (
    <DataTable
      caption={t('catalogue.tabs.indicators')}
      columns={columns}
      rows={indicators}
      rowKey={(i) => i.id}
      isLoading={isLoading}
      emptyText={t('catalogue.indicators.empty')}
      minWidth={1200}
      renderExpanded={(i) => <VersionTimeline versions={i.versions} />}
      rowProps={(i) => ({ 'data-code': i.code })}
    />
  );
}
