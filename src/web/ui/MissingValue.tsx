import { Text, Tooltip } from '@mantine/core';

type MissingValueProps = {
  /** Why the value is missing, e.g. "no official figure". */
  reason: string;
};

/** An explicit "—" for a value that does not exist, so it is never mistaken for zero. */
export function MissingValue({ reason }: MissingValueProps) {
  return (
    <Tooltip label={reason} withArrow>
      <Text component="span" c="dimmed" aria-label={reason} data-missing="true" style={{ cursor: 'help' }}>
        —
      </Text>
    </Tooltip>
  );
}
