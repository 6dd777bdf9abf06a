import { useState } from 'react';
import { Button, Card, Code, FileInput, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IconChecks, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '#web/lib/api-client';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useImportJob, useImportValues } from '../hooks/useDataImport';
import { ImportResultCard } from './ImportResultCard';

const flatColumns = 'data_element, territory, period, disaggregation, value, comment, flag';

/**
 * Upload of a CSV, a flat XLSX or a filled template: "Check" asks the server what would change without
 * writing; "Import" writes all values or none. A refused file shows every problem with row and column.
 */
export function ValuesUploadCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportValues();
  const queued = upload.data && 'jobId' in upload.data ? upload.data : null;
  const job = useImportJob(queued?.jobId ?? null);
  const jobActive = job.data?.status === 'queued' || job.data?.status === 'running';
  const result = upload.data && 'dryRun' in upload.data ? upload.data : (job.data?.result ?? null);
  const jobError = job.data?.error
    ? new ApiError(422, job.data.error.code, job.data.error.message, job.data.error.details)
    : (job.error ?? null);
  const busy = upload.isPending || (queued !== null && (jobActive || job.isPending));
  const run = (dryRun: boolean) => {
    if (file) upload.mutate({ file, dryRun });
  };

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('dataImport.uploadTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('dataImport.uploadBody')}
        </Text>
        <Code block mb="sm">
          {flatColumns}
        </Code>
        <List size="sm" spacing={4} c="dimmed" mb="md">
          <List.Item>{t('dataImport.ruleTerritory')}</List.Item>
          <List.Item>{t('dataImport.rulePeriod')}</List.Item>
          <List.Item>{t('dataImport.ruleEmpty')}</List.Item>
          <List.Item>{t('dataImport.ruleAtomic')}</List.Item>
        </List>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('dataImport.file')}
            placeholder={t('dataImport.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(value) => {
              setFile(value);
              upload.reset();
            }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            clearable
            w={{ base: '100%', sm: 380 }}
            disabled={busy}
            data-testid="data-import-file"
          />
          <Button
            variant="default"
            leftSection={<IconChecks size={16} />}
            disabled={!file || busy}
            loading={upload.isPending && upload.variables.dryRun}
            onClick={() => run(true)}
          >
            {t('dataImport.check')}
          </Button>
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file || busy}
            loading={upload.isPending && !upload.variables.dryRun}
            onClick={() => run(false)}
          >
            {t('dataImport.import')}
          </Button>
        </Group>
        {busy ? (
          <Stack gap={4} mt="md" role="status">
            <Text size="sm">
              {queued ? t('dataImport.queued', { rows: queued.rows }) : t('dataImport.working')}
            </Text>
            <Progress value={100} animated striped aria-label={t('dataImport.working')} />
          </Stack>
        ) : null}
      </Card>
      {upload.error ? (
        <div data-testid="import-problems">
          <ErrorAlert
            error={upload.error}
            title={isApiError(upload.error, 'IMPORT_INVALID') ? t('dataImport.rejectedTitle') : undefined}
            onClose={() => upload.reset()}
          />
        </div>
      ) : null}
      {jobError ? (
        <div data-testid="import-problems">
          <ErrorAlert error={jobError} title={t('dataImport.rejectedTitle')} onClose={() => upload.reset()} />
        </div>
      ) : null}
      {result ? <ImportResultCard result={result} /> : null}
    </Stack>
  );
}
