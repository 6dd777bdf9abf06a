import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobError } from '#shared/contracts/jobs.contract';
import { translateKey } from '#web/lib/i18n';
import { ErrorDetails } from '#web/ui/ErrorDetails';

/** Why a job failed, in the reader's language: its catalogued code with parameters, and a problem list if any. */
export function JobErrorMessage({ error }: { error: JobError }) {
  const { t } = useTranslation();
  const hasProblems = Array.isArray(error.params.problems);
  return (
    <Stack gap={4}>
      <Text size="sm" c="red.8" data-testid="job-error" data-code={error.code}>
        {translateKey(`errors.codes.${error.code}`, error.params) ?? t('errors.unknown')}
      </Text>
      {hasProblems ? <ErrorDetails details={error.params} /> : null}
    </Stack>
  );
}
