import { useMemo, useRef } from 'react';
import { Code, Group, List, Loader, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localName } from '#web/lib/format';
import { useServerText } from '#web/lib/messages';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import type { FormulaCheckProblem } from '#shared/contracts/catalogue.contract';
import { useCatalogue } from '../hooks/useCatalogue';
import { useFormulaCheck } from '../hooks/useFormulaCheck';

type FormulaInputProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The indicator the formula belongs to, so a circle through it is found; null for validation rule sides. */
  indicatorCode: string | null;
  /** The server's refusal of this field on save, if any. */
  error?: string;
  /** Names the live check region for tests and assistive technology. */
  testId: string;
};

/** A problem of the live check, in the interface language (the server sends it as a catalogue message). */
function ProblemText({ problem }: { problem: FormulaCheckProblem }) {
  const text = useServerText();
  return <>{text(problem)}</>;
}

/**
 * A formula field checked on the server as the administrator types: unknown codes and circles are named below
 * the field before anything is saved.
 */
export function FormulaInput({ label, value, onChange, indicatorCode, error, testId }: FormulaInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const check = useFormulaCheck(value, indicatorCode);
  const catalogue = useCatalogue();
  const textarea = useRef<HTMLTextAreaElement>(null);

  // Every code a formula may refer to, grouped, so nobody has to remember or mistype one.
  const references = useMemo(() => {
    const data = catalogue.data;
    if (!data) return [];
    return [
      {
        group: t('catalogue.tabs.dataElements'),
        items: data.dataElements.map((e) => ({
          value: e.code,
          label: `${e.code} — ${localName(e.name, locale)}`,
        })),
      },
      {
        group: t('catalogue.tabs.indicators'),
        items: data.indicators
          .filter((i) => i.code !== indicatorCode)
          .map((i) => ({ value: i.code, label: `${i.code} — ${localName(i.name, locale)}` })),
      },
      {
        group: t('catalogue.formula.population'),
        items: data.populationCodes.map((code) => ({ value: code, label: code })),
      },
    ];
  }, [catalogue.data, indicatorCode, locale, t]);

  /** Puts `#{code}` where the cursor is (or at the end) and moves the cursor after it. */
  const insert = (code: string) => {
    const element = textarea.current;
    const reference = `#{${code}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + reference + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + reference.length, start + reference.length);
    });
  };
  const result = value.trim() === '' ? null : check.data;
  const problems = result?.problems ?? [];

  return (
    <Stack gap={4}>
      <Textarea
        ref={textarea}
        label={label}
        description={t('catalogue.formula.hint')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxLength={5000}
        required
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Select
        aria-label={t('catalogue.formula.insert')}
        placeholder={t('catalogue.formula.insert')}
        data={references}
        value={null}
        onChange={(code) => code && insert(code)}
        searchable
        size="xs"
        w={360}
        nothingFoundMessage={t('common.noResults')}
      />
      <div aria-live="polite" data-testid={testId} data-state={check.isStale ? 'checking' : 'checked'}>
        {value.trim() !== '' && (check.isStale || check.isFetching) ? (
          <Group gap={6}>
            <Loader size={12} />
            <Text size="xs" c="dimmed">
              {t('catalogue.formula.checking')}
            </Text>
          </Group>
        ) : null}
        {!check.isStale && result && problems.length > 0 ? (
          <List
            size="sm"
            c="red"
            spacing={2}
            icon={<IconAlertCircle size={14} aria-hidden />}
            data-testid={`${testId}-problems`}
          >
            {problems.map((problem, index) => (
              <List.Item key={index}>
                <ProblemText problem={problem} />
              </List.Item>
            ))}
          </List>
        ) : null}
        {!check.isStale && result && problems.length === 0 ? (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text size="xs" c="teal">
              {t('catalogue.formula.valid')}
            </Text>
            {result.canonical ? <Code fz="xs">{result.canonical}</Code> : null}
          </Group>
        ) : null}
      </div>
    </Stack>
  );
}
