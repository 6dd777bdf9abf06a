import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '#shared/contracts/catalogue.contract';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { datePattern } from '../form-rules';
import { useAddIndicatorVersion } from '../hooks/useCatalogue';
import { FormulaInput } from './FormulaInput';
import { VersionTimeline } from './VersionTimeline';

/**
 * Gives an indicator a new formula from a date on. The current version then ends the day before; earlier periods
 * keep the formula they were computed with.
 */
export function IndicatorVersionModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddIndicatorVersion();
  const fieldError = useFieldError(add.error);
  const current = indicator.versions.at(-1);
  const [formula, setFormula] = useState(current?.formula ?? '');
  const [validFrom, setValidFrom] = useState('');
  const isAfterCurrent = !current || validFrom > current.validFrom;
  const isComplete = formula.trim() !== '' && datePattern.test(validFrom) && isAfterCurrent;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { id: indicator.id, request: { formula, validFrom } },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'teal',
            message: t('catalogue.indicators.versionCreated', {
              code: indicator.code,
              version: updated.versions.length,
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('catalogue.indicators.newVersionTitle', { code: indicator.code })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {add.error ? <ErrorAlert error={add.error} /> : null}
          <Text size="sm" c="dimmed">
            {t('catalogue.indicators.newVersionHint')}
          </Text>
          <FormulaInput
            label={t('catalogue.fields.formula')}
            value={formula}
            onChange={setFormula}
            indicatorCode={indicator.code}
            error={fieldError('formula')}
            testId="version-formula-check"
          />
          <TextInput
            type="date"
            label={t('catalogue.fields.validFrom')}
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
            required
            w={220}
            error={
              fieldError('validFrom') ??
              (validFrom !== '' && !isAfterCurrent && current
                ? t('catalogue.indicators.mustStartAfter', { from: current.validFrom })
                : undefined)
            }
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!isComplete}>
              {t('catalogue.indicators.addVersion')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} size="h5" mt="lg" mb="sm">
        {t('catalogue.indicators.versions')}
      </Title>
      <VersionTimeline versions={indicator.versions} />
    </Modal>
  );
}
