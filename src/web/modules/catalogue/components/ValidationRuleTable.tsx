import { Badge, Button, Code, Group, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ValidationRule } from '#shared/contracts/catalogue.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ActiveBadge } from './ActiveBadge';

const importanceColor = { low: 'gray', medium: 'yellow', high: 'red' } as const;

type ValidationRuleTableProps = {
  rules: ValidationRule[];
  isLoading: boolean;
  canManage: boolean;
  onEdit: (rule: ValidationRule) => void;
};

/** Validation rules as "left operator right", with importance and the period type they check. */
export function ValidationRuleTable({ rules, isLoading, canManage, onEdit }: ValidationRuleTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const columns: DataColumn<ValidationRule>[] = [
    { key: 'code', header: t('catalogue.fields.code'), noWrap: true, render: (r) => <Code>{r.code}</Code> },
    {
      key: 'name',
      header: t('catalogue.fields.name'),
      render: (r) => (
        <Text size="sm" fw={500}>
          {localName(r.name, locale)}
        </Text>
      ),
    },
    {
      key: 'rule',
      header: t('catalogue.rules.expression'),
      render: (r) => (
        <Code fz="xs">
          {r.leftSide} {r.operator} {r.rightSide}
        </Code>
      ),
    },
    {
      key: 'importance',
      header: t('catalogue.fields.importance'),
      noWrap: true,
      render: (r) => (
        <Badge variant="light" color={importanceColor[r.importance]}>
          {t(`catalogue.importances.${r.importance}`)}
        </Badge>
      ),
    },
    {
      key: 'periodType',
      header: t('catalogue.fields.periodType'),
      render: (r) => t(`catalogue.periodTypes.${r.periodType}`),
    },
    {
      key: 'active',
      header: t('common.status'),
      noWrap: true,
      render: (r) => <ActiveBadge isActive={r.isActive} />,
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => onEdit(r)}
            aria-label={t('catalogue.editOf', { code: r.code })}
          >
            {t('common.edit')}
          </Button>
        </Group>
      ),
    });

  return (
    <DataTable
      caption={t('catalogue.tabs.validationRules')}
      columns={columns}
      rows={rules}
      rowKey={(r) => r.id}
      isLoading={isLoading}
      emptyText={t('catalogue.rules.empty')}
      minWidth={900}
      rowProps={(r) => ({ 'data-code': r.code })}
    />
  );
}
