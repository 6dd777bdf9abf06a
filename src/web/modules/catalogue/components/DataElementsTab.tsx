import { useMemo, useState } from 'react';
import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import type { Catalogue, DataElement } from '#shared/contracts/catalogue.contract';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { matchesText } from '../form-rules';
import { DataElementFormModal } from './DataElementFormModal';
import { DataElementTable } from './DataElementTable';

type DataElementsTabProps = {
  catalogue: Catalogue | undefined;
  agencies: Agency[];
  isLoading: boolean;
  canManage: boolean;
};

/** The data elements tab: filter by agency and text, add and edit elements and their bounds. */
export function DataElementsTab({ catalogue, agencies, isLoading, canManage }: DataElementsTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<DataElement | 'new' | null>(null);

  const agencyById = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const comboById = useMemo(
    () => new Map((catalogue?.categoryCombos ?? []).map((c) => [c.id, c])),
    [catalogue],
  );
  const elements = (catalogue?.dataElements ?? []).filter(
    (e) => (agencyId === null || e.agencyId === agencyId) && matchesText(e, search),
  );

  return (
    <>
      <Group mb="md" gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('common.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
            w={{ base: '100%', sm: 280 }}
          />
          <Select
            label={t('catalogue.fields.agency')}
            placeholder={t('catalogue.allAgencies')}
            data={agencies.map((a) => ({
              value: a.id,
              label: `${a.code} — ${localName(a.shortName, locale)}`,
            }))}
            value={agencyId}
            onChange={setAgencyId}
            clearable
            searchable
            w={{ base: '100%', sm: 260 }}
          />
        </Group>
        {canManage ? (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            disabled={!catalogue}
          >
            {t('catalogue.dataElements.add')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p="xs">
        <DataElementTable
          elements={elements}
          agencies={agencyById}
          combos={comboById}
          isLoading={isLoading}
          canManage={canManage}
          onEdit={setEditing}
        />
      </Paper>
      {editing && catalogue ? (
        <DataElementFormModal
          element={editing === 'new' ? null : editing}
          catalogue={catalogue}
          agencies={agencies}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
