import { useState } from 'react';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CatalogueToolbar } from './CatalogueToolbar';
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
      <CatalogueToolbar
        search={search}
        onSearch={setSearch}
        addLabel={canManage ? t('catalogue.indicators.add') : null}
        onAdd={() => setEditing('new')}
      />
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
