import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#web/lib/api-client';
import { formatNumber, formatPercent } from '#shared/format/locale-format';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useJob } from '#web/modules/jobs/hooks/useJobs';
import { JobResult } from '#web/modules/jobs/components/JobResult';
import { populationFileColumns } from '#shared/contracts/territories.contract';
import { JobStatusBadge } from '#web/modules/jobs/components/JobStatusBadge';
import { isJobActive } from '#web/modules/jobs/job-status';
import { populationTemplateUrl } from '../api/territories.api';
import { territoryKeys, useImportPopulation } from '../hooks/useTerritories';

const templateColumns = populationFileColumns;

/**
 * Population import: template download, file upload, the row-level problems of a rejected file
 * (nothing is imported then), and the progress and result of the job applying an accepted file.
 */
export function PopulationImportPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportPopulation();
  const jobId = upload.data?.jobId ?? null;
  const job = useJob(jobId);
  const finishedJobId = job.data && !isJobActive(job.data) ? job.data.id : null;

  // Figures changed on the server: drop the cached territory details once the job has finished.
  useEffect(() => {
    if (finishedJobId) void queryClient.invalidateQueries({ queryKey: territoryKeys.all });
  }, [finishedJobId, queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };

  const reset = () => {
    upload.reset();
    setFile(null);
  };

  const isInvalid = isApiError(upload.error, 'IMPORT_INVALID');

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('populationImport.templateTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('populationImport.templateBody')}
        </Text>
        <Text size="xs" ff="monospace" mb="md">
          {templateColumns.join(', ')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={populationTemplateUrl('xlsx')}
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t('populationImport.downloadXlsx')}
          </Button>
          <Button
            component="a"
            href={populationTemplateUrl('csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('populationImport.downloadCsv')}
          </Button>
        </Group>
        <List size="sm" mt="md" spacing={4} c="dimmed">
          <List.Item>{t('populationImport.ruleEmpty')}</List.Item>
          <List.Item>{t('populationImport.ruleSource')}</List.Item>
          <List.Item>{t('populationImport.ruleKindFlag')}</List.Item>
          <List.Item>{t('populationImport.ruleAtomic')}</List.Item>
        </List>
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('populationImport.uploadTitle')}
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('populationImport.file')}
              description={t('populationImport.fileHint')}
              placeholder={t('populationImport.choose')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(value) => {
                setFile(value);
                upload.reset();
              }}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              w={{ base: '100%', sm: 420 }}
              disabled={upload.isPending || Boolean(job.data && isJobActive(job.data))}
            />
            <Button
              type="submit"
              leftSection={<IconUpload size={16} />}
              loading={upload.isPending}
              disabled={!file || Boolean(job.data && isJobActive(job.data))}
            >
              {t('populationImport.upload')}
            </Button>
          </Group>
        </form>
        {upload.isPending ? (
          <Stack gap={4} mt="md" role="status">
            <Text size="sm">{t('populationImport.checking')}</Text>
            <Progress value={100} animated striped aria-label={t('populationImport.checking')} />
          </Stack>
        ) : null}
      </Card>

      {upload.error ? (
        <Stack gap="xs" data-testid="import-problems">
          <ErrorAlert
            error={upload.error}
            title={isInvalid ? t('populationImport.rejectedTitle') : undefined}
            onClose={reset}
          />
        </Stack>
      ) : null}

      {upload.data ? (
        <Card withBorder padding="lg" radius="md" data-testid="import-job">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('populationImport.jobTitle')}
            </Title>
            {job.data ? <JobStatusBadge status={job.data.status} /> : null}
          </Group>
          <Text size="sm" mb="sm">
            {t('populationImport.accepted', { rows: formatNumber(upload.data.rowCount, locale) })}
          </Text>
          {job.error ? <ErrorAlert error={job.error} /> : null}
          {job.data && isJobActive(job.data) ? (
            <Stack gap={4} role="status">
              <Progress
                value={job.data.progress === null ? 100 : job.data.progress * 100}
                animated
                striped={job.data.progress === null}
                aria-label={t('jobs.progress')}
              />
              <Text size="xs" c="dimmed">
                {job.data.progress === null
                  ? t('populationImport.waiting')
                  : formatPercent(job.data.progress, locale)}
              </Text>
            </Stack>
          ) : null}
          {job.data && job.data.status === 'succeeded' ? (
            <Alert
              color="teal"
              icon={<IconCircleCheck size={18} />}
              title={t('populationImport.doneTitle')}
              mb="sm"
            >
              {t('populationImport.doneBody')}{' '}
              <Anchor component={Link} to="/territories" size="sm">
                {t('nav.territories')}
              </Anchor>
            </Alert>
          ) : null}
          {job.data && !isJobActive(job.data) ? <JobResult job={job.data} /> : null}
          {job.data && !isJobActive(job.data) ? (
            <Group mt="md">
              <Button variant="default" onClick={reset}>
                {t('populationImport.another')}
              </Button>
            </Group>
          ) : null}
        </Card>
      ) : null}
    </Stack>
  );
}
