import { useState } from 'react';
import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import { AgencyFormModal } from '#web/modules/agencies/components/AgencyFormModal';
import { AgencyTable } from '#web/modules/agencies/components/AgencyTable';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';

/** The agencies that report data; administrators add, rename and (de)activate them. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const canManage = useHasPermission('agencies.manage');
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.subtitle')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('agencies.add')}
            </Button>
          ) : null
        }
      />
      {agencies.error ? <ErrorAlert error={agencies.error} /> : null}
      <Paper withBorder radius="md" p="xs">
        <AgencyTable
          agencies={agencies.data?.items ?? []}
          isLoading={agencies.isPending}
          canManage={canManage}
          onEdit={setEditing}
        />
      </Paper>
      {editing ? (
        <AgencyFormModal agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
