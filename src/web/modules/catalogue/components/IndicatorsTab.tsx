import { useState } from 'react';
import { Button, Group, Paper, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '#shared/contracts/catalogue.contract';
import { matchesText } from '../form-rules';
import { IndicatorFormModal } from './IndicatorFormModal';
import { IndicatorTable } from './IndicatorTable';
import { IndicatorVersionModal } from './IndicatorVersionModal';

type IndicatorsTabProps = { indicators: Indicator[]; isLoading: boolean; canManage: boolean };

/** The derived indicators tab: search, add, edit, new formula versions and their timelines. */
export function IndicatorsTab({ indicators, isLoading, canManage }: IndicatorsTabProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [versioning, setVersioning] = useState<Indicator | null>(null);

  return (
    <>
      <Group mb="md" gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('catalogue.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 280 }}
        />
        {canManage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('catalogue.indicators.add')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p="xs">
        <IndicatorTable
          indicators={indicators.filter((i) => matchesText(i, search))}
          isLoading={isLoading}
          canManage={canManage}
          onEdit={setEditing}
          onNewVersion={setVersioning}
        />
      </Paper>
      {editing ? (
        <IndicatorFormModal indicator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {versioning ? (
        <IndicatorVersionModal indicator={versioning} onClose={() => setVersioning(null)} />
      ) : null}
    </>
  );
}
