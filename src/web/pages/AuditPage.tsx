import { useState } from 'react';
import { Paper } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/locale-format';
import { AuditFilters } from '#web/modules/audit/components/AuditFilters';
import { AuditTable } from '#web/modules/audit/components/AuditTable';
import { emptyAuditFilter, toAuditQuery, type AuditFilter } from '#web/modules/audit/audit-filter';
import { useAudit } from '#web/modules/audit/hooks/useAudit';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';
import { Pager } from '#web/ui/Pager';

const pageSize = 50;

/** The audit log: every write, who made it and what changed. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const [debouncedFilter] = useDebouncedValue(filter, 300);
  const [offset, setOffset] = useState(0);
  const audit = useAudit(toAuditQuery(debouncedFilter, pageSize, offset));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.subtitle')} />
      <AuditFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setOffset(0);
        }}
      />
      {audit.error ? <ErrorAlert error={audit.error} /> : null}
      <Paper withBorder radius="md" p="xs">
        <AuditTable entries={audit.data?.items ?? []} isLoading={audit.isPending} />
      </Paper>
      <Pager
        total={audit.data?.total ?? 0}
        limit={pageSize}
        offset={offset}
        onOffsetChange={setOffset}
        formatCount={(value) => formatNumber(value, locale)}
      />
    </>
  );
}
