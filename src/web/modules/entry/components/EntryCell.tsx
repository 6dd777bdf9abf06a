import { Loader, TextInput, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataValue, ValueCheck } from '#shared/contracts/data-values.contract';
import { useServerText } from '#web/lib/messages';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { cellText, checkTone, parseCellInput } from '../entry-grid';

export type CellState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

type EntryCellProps = {
  label: string;
  testId: string;
  stored: DataValue | undefined;
  checks: readonly ValueCheck[];
  editable: boolean;
  selected: boolean;
  /** Saves the typed value (null clears); rejects with the server's error. */
  save: (value: number | null) => Promise<void>;
  inputRef: (element: HTMLInputElement | null) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: () => void;
};

// Long enough to not save on every keystroke, short enough that a pause saves.
const saveDelayMs = 600;

/** One numeric cell: saves after a pause or on leaving, shows saving/saved/error and its checks. */
export function EntryCell({
  label,
  testId,
  stored,
  checks,
  editable,
  selected,
  save,
  inputRef,
  onKeyDown,
  onFocus,
}: EntryCellProps) {
  const { t } = useTranslation();
  const serverText = useServerText();
  const describe = useErrorMessage();
  const [text, setText] = useState(cellText(stored?.value));
  const [state, setState] = useState<CellState>('idle');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textRef = useRef(text);
  const inFlight = useRef<string | null>(null);
  const storedValue = stored?.value ?? null;
  const storedRef = useRef(storedValue);
  storedRef.current = storedValue;

  // A value changed elsewhere (another save, a refetch) shows here unless the user is typing.
  useEffect(() => {
    if (state === 'dirty' || state === 'saving') return;
    if (state === 'error') return;
    const next = cellText(storedValue);
    textRef.current = next;
    setText(next);
  }, [storedValue]);

  // Leaving the form (another period, another page) while a save waits for its pause saves at once.
  const commitRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(
    () => () => {
      if (timer.current) void commitRef.current();
    },
    [],
  );

  const commit = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = textRef.current;
    // Enter then the move's blur both ask to save the same text: one request is enough.
    if (sent === inFlight.current) return;
    const parsed = parseCellInput(sent);
    if (!parsed.ok) {
      setState('error');
      setError(t('entry.notANumber'));
      return;
    }
    if (parsed.value === storedRef.current) {
      setState((s) => (s === 'dirty' || s === 'error' ? 'idle' : s));
      setError(null);
      return;
    }
    setState('saving');
    inFlight.current = sent;
    try {
      await save(parsed.value);
      setError(null);
      // Typing may have continued while saving; that text gets its own save.
      setState(textRef.current === sent ? 'saved' : 'dirty');
    } catch (cause) {
      const described = describe(cause);
      setError(described.hint ?? described.message);
      setState('error');
    } finally {
      inFlight.current = null;
    }
  };

  commitRef.current = commit;

  const onChange = (value: string) => {
    textRef.current = value;
    setText(value);
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void commit(), saveDelayMs);
  };

  const tone = checks.some((c) => checkTone(c) === 'error') ? 'error' : checks.length > 0 ? 'warning' : null;
  const color =
    state === 'error' || tone === 'error'
      ? 'var(--mantine-color-red-6)'
      : tone === 'warning'
        ? 'var(--mantine-color-orange-6)'
        : undefined;
  const tip = [error, ...checks.map(serverText)].filter(Boolean).join('\n');
  const indicator =
    state === 'saving' ? (
      <Loader size={12} aria-label={t('entry.saving')} />
    ) : state === 'saved' ? (
      <IconCheck size={14} color="var(--mantine-color-teal-6)" aria-label={t('entry.saved')} />
    ) : state === 'error' || tone ? (
      <IconAlertCircle size={14} color={color} aria-hidden />
    ) : null;

  return (
    <Tooltip label={tip} disabled={tip === ''} multiline maw={320} withArrow openDelay={200}>
      <TextInput
        ref={inputRef}
        size="xs"
        w={84}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={() => {
          if (state === 'dirty') void commit();
        }}
        onFocus={onFocus}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && state === 'dirty') void commit();
          onKeyDown(event);
        }}
        readOnly={!editable}
        variant={editable ? 'default' : 'filled'}
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        error={state === 'error' || tone === 'error'}
        data-tone={state === 'error' ? 'error' : (tone ?? undefined)}
        data-testid={testId}
        data-state={state}
        data-synthetic={stored?.isSynthetic ? 'true' : undefined}
        rightSection={indicator}
        rightSectionPointerEvents="none"
        styles={{
          input: {
            textAlign: 'right',
            borderColor: color,
            borderWidth: color ? 2 : undefined,
            fontStyle: stored?.isSynthetic ? 'italic' : undefined,
            outline: selected ? '2px solid var(--mantine-color-blue-4)' : undefined,
          },
        }}
      />
    </Tooltip>
  );
}
