import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '#web/modules/users/hooks/useUsers';
import { emptyAuditFilter, type AuditFilter } from '../audit-filter';

type AuditFiltersProps = {
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
};

/** Actor, entity type and id, action and a date range; every change applies at once. */
export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const users = useUsers({ includeDisabled: true, limit: 500 });
  const set = <K extends keyof AuditFilter>(key: K, next: AuditFilter[K]) =>
    onChange({ ...value, [key]: next });
  const actorOptions = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.displayName} (${user.username})`,
  }));
  const isFiltered = JSON.stringify(value) !== JSON.stringify(emptyAuditFilter);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 6 }} spacing="sm" mb="md">
      <Select
        label={t('audit.actor')}
        placeholder={t('audit.anyActor')}
        data={actorOptions}
        value={value.actorId}
        onChange={(next) => set('actorId', next)}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
      />
      <TextInput
        label={t('audit.entityType')}
        placeholder="user, territory…"
        value={value.entityType}
        onChange={(event) => set('entityType', event.currentTarget.value)}
      />
      <TextInput
        label={t('audit.entityId')}
        value={value.entityId}
        onChange={(event) => set('entityId', event.currentTarget.value)}
      />
      <TextInput
        label={t('audit.action')}
        placeholder="user.create…"
        value={value.action}
        onChange={(event) => set('action', event.currentTarget.value)}
      />
      <DatePickerInput
        label={t('audit.from')}
        placeholder={t('audit.anyDate')}
        value={value.fromDay}
        onChange={(next) => set('fromDay', next)}
        leftSection={<IconCalendar size={16} aria-hidden />}
        clearable
        maxDate={value.toDay ?? undefined}
      />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <DatePickerInput
          label={t('audit.to')}
          placeholder={t('audit.anyDate')}
          value={value.toDay}
          onChange={(next) => set('toDay', next)}
          leftSection={<IconCalendar size={16} aria-hidden />}
          clearable
          minDate={value.fromDay ?? undefined}
          style={{ flex: 1 }}
        />
        <Button
          variant="subtle"
          color="gray"
          px={8}
          onClick={() => onChange(emptyAuditFilter)}
          disabled={!isFiltered}
          aria-label={t('common.resetFilters')}
          title={t('common.resetFilters')}
        >
          <IconFilterOff size={18} />
        </Button>
      </Group>
    </SimpleGrid>
  );
}
