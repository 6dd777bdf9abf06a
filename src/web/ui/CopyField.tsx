import { ActionIcon, Code, Group, Tooltip, CopyButton } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type CopyFieldProps = {
  value: string;
  /** What the value is, for screen readers (e.g. "Generated password"). */
  label: string;
};

/** A monospace value with a copy-to-clipboard button. */
export function CopyField({ value, label }: CopyFieldProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code
        fz="lg"
        px="md"
        py={6}
        aria-label={label}
        data-testid="copy-field-value"
        style={{ userSelect: 'all' }}
      >
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              color={copied ? 'teal' : 'gray'}
              variant="light"
              size="lg"
              onClick={copy}
              aria-label={copied ? t('common.copied') : t('common.copy')}
            >
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
