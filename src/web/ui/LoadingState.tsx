import { Center, Loader, Stack, Text } from '@mantine/core';

type LoadingStateProps = {
  label: string;
  /** Minimum height of the area, so layout does not jump. */
  minHeight?: number;
};

/** A centred spinner with a visible, announced label. */
export function LoadingState({ label, minHeight = 160 }: LoadingStateProps) {
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
