import { Badge, Button, Code, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import { localName } from '#web/lib/format';
import { ConfirmButton } from '#web/ui/ConfirmButton';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useUpdateAgency } from '../hooks/useAgencies';

type AgencyTableProps = {
  agencies: Agency[];
  isLoading: boolean;
  canManage: boolean;
  onEdit: (agency: Agency) => void;
};

/** Agencies with code, names and status; administrators can edit and (de)activate. */
export function AgencyTable({ agencies, isLoading, canManage, onEdit }: AgencyTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateAgency();
  const describe = useErrorMessage();

  const setActive = (agency: Agency, isActive: boolean) =>
    update.mutateAsync(
      { id: agency.id, request: { isActive } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: isActive ? t('agencies.activated') : t('agencies.deactivated'),
          }),
        onError: (error) => notifications.show({ color: 'red', message: describe(error).message }),
      },
    );

  const columns: DataColumn<Agency>[] = [
    { key: 'code', header: t('agencies.code'), width: 140, render: (agency) => <Code>{agency.code}</Code> },
    {
      key: 'shortName',
      header: t('agencies.shortName'),
      width: 160,
      render: (agency) => (
        <Text fw={600} size="sm">
          {localName(agency.shortName, locale)}
        </Text>
      ),
    },
    { key: 'name', header: t('agencies.name'), render: (agency) => localName(agency.name, locale) },
    {
      key: 'status',
      header: t('common.status'),
      width: 120,
      render: (agency) =>
        agency.isActive ? (
          <Badge color="teal" variant="light">
            {t('common.active')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('common.inactive')}
          </Badge>
        ),
    },
  ];

  if (canManage) {
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      width: 240,
      render: (agency) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => onEdit(agency)}
          >
            {t('common.edit')}
          </Button>
          {agency.isActive ? (
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="red"
              confirmTitle={t('agencies.deactivate')}
              confirmMessage={t('agencies.deactivateConfirm', { name: localName(agency.name, locale) })}
              confirmLabel={t('agencies.deactivate')}
              onConfirm={() => setActive(agency, false)}
            >
              {t('agencies.deactivate')}
            </ConfirmButton>
          ) : (
            <Button
              size="compact-sm"
              variant="subtle"
              color="teal"
              onClick={() => void setActive(agency, true).catch(() => undefined)}
            >
              {t('agencies.activate')}
            </Button>
          )}
        </Group>
      ),
    });
  }

  return (
    <DataTable
      caption={t('agencies.title')}
      columns={columns}
      rows={agencies}
      rowKey={(agency) => agency.id}
      isLoading={isLoading}
      emptyText={t('agencies.empty')}
    />
  );
}
