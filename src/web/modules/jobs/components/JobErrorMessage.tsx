import { Stack, Text } from '@mantine/core';
import type { JobError } from '#shared/contracts/jobs.contract';
import { useRenderMessage } from '#web/lib/messages';
import { ErrorDetails } from '#web/ui/ErrorDetails';

/** Why a job failed, in the reader's language: its catalogued code with parameters, and a problem list if any. */
export function JobErrorMessage({ error }: { error: JobError }) {
  const render = useRenderMessage();
  const hasProblems = Array.isArray(error.params.problems);
  return (
    <Stack gap={4}>
      <Text size="sm" c="red.8" data-testid="job-error" data-code={error.code}>
        {render({ key: `error.${error.code}`, params: error.params })}
      </Text>
      {hasProblems ? <ErrorDetails details={error.params} /> : null}
    </Stack>
  );
}
