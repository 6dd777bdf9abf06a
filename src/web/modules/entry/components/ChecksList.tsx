import { List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EntryForm } from '#shared/contracts/data-values.contract';
import { localName } from '#web/lib/format';
import { useServerText } from '#web/lib/messages';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { checkTone } from '../entry-grid';

/**
 * Every failing check of the form with its reason in the interface language (the server's catalogue message
 * where it sends one, else its English text): bounds in red, rules and outliers in orange.
 */
export function ChecksList({ form }: { form: EntryForm }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const serverText = useServerText();
  if (form.checks.length === 0) return null;
  const elements = new Map(form.elements.map((e) => [e.id, e]));
  return (
    <Paper withBorder p="md" radius="md" data-testid="entry-checks">
      <Title order={2} size="h5" mb="xs">
        {t('entry.checksTitle', { count: form.checks.length })}
      </Title>
      <List spacing={6} size="sm">
        {form.checks.map((check, index) => {
          const element = elements.get(check.dataElementId);
          const column = element?.columns.find((c) => c.disaggregation === check.disaggregation);
          const tone = checkTone(check);
          const where = [
            element ? localName(element.name, locale) : '',
            column && column.disaggregation !== '' ? localName(column.name, locale) : '',
          ]
            .filter(Boolean)
            .join(' — ');
          return (
            <List.Item
              key={`${check.kind}-${check.dataElementId}-${check.disaggregation ?? ''}-${check.ruleCode ?? ''}-${index}`}
              data-kind={check.kind}
              icon={
                <ThemeIcon size={18} radius="xl" variant="light" color={tone === 'error' ? 'red' : 'orange'}>
                  {tone === 'error' ? (
                    <IconCircleX size={12} aria-hidden />
                  ) : (
                    <IconAlertTriangle size={12} aria-hidden />
                  )}
                </ThemeIcon>
              }
            >
              <Text size="sm" span fw={500}>
                {t(`entry.checkKinds.${check.kind}`)}
                {where ? ` · ${where}` : ''}:{' '}
              </Text>
              <Text size="sm" span c={tone === 'error' ? 'red.8' : 'orange.9'}>
                {serverText(check)}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
