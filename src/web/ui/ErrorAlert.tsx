import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '#web/lib/api-client';
import { useErrorMessage } from './useErrorMessage';
import { ErrorDetails } from './ErrorDetails';

type ErrorAlertProps = {
  error: unknown;
  title?: string;
  onClose?: () => void;
};

const codesWithDetails = new Set(['VALIDATION_FAILED', 'IMPORT_INVALID']);

/** A red alert for a failed request: translated message, and the details the server listed. */
export function ErrorAlert({ error, title, onClose }: ErrorAlertProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (!error) return null;
  const described = describe(error);
  const showDetails = error instanceof ApiError && codesWithDetails.has(error.code) && error.details != null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('errors.title')}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="error-message">
          {described.message}
        </Text>
        {described.hint ? (
          <Text size="xs" c="dimmed">
            {described.hint}
          </Text>
        ) : null}
        {showDetails ? <ErrorDetails details={error.details} /> : null}
      </Stack>
    </Alert>
  );
}
