import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { ConfirmDialog } from './ConfirmDialog';

type ConfirmButtonProps = Omit<ButtonProps, 'onClick'> & {
  children: ReactNode;
  /** Title of the confirmation dialog. */
  confirmTitle: string;
  /** What will happen, in one or two sentences. */
  confirmMessage: ReactNode;
  /** Label of the confirming button; defaults to "Confirm". */
  confirmLabel?: string;
  /** Runs when the user confirms; the dialog closes when it settles. */
  onConfirm: () => Promise<unknown> | void;
  'aria-label'?: string;
};

/** A button that asks for confirmation in a dialog before doing something consequential. */
export function ConfirmButton({
  children,
  confirmTitle,
  confirmMessage,
  confirmLabel,
  onConfirm,
  color,
  ...buttonProps
}: ConfirmButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button color={color} {...buttonProps} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={confirmTitle}
        message={confirmMessage}
        confirmLabel={confirmLabel}
        color={typeof color === 'string' ? color : 'red'}
        onConfirm={onConfirm}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
