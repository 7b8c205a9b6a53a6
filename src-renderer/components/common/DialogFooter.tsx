/**
 * The foot of a dialog's form: the API's refusal (kept in the dialog, so the user can correct
 * the form and try again), then 取消 and the confirming button on the right.
 */
import { Alert, Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DialogFooterProps {
  error: string | null;
  errorTitle: string;
  errorColor?: MantineColor;
  errorTestId?: string;
  onCancel: () => void;
  cancelLabel?: string;
  /** Where leaving mid-way would hide the outcome of something already under way. */
  cancelDisabled?: boolean;
  /** Without it only the cancel (or close) button is shown. */
  confirm?: { label: ReactNode; onClick: () => void; busy: boolean; disabled?: boolean; color?: MantineColor; testId: string };
  /** Between the refusal and the buttons: what the refusal asks of the user, or a result. */
  children?: ReactNode;
}

export function DialogFooter({ error, errorTitle, errorColor = 'red', errorTestId, onCancel, cancelLabel = '取消', cancelDisabled, confirm, children }: DialogFooterProps) {
  return (
    <>
      {error && (
        <Alert color={errorColor} title={errorTitle} data-testid={errorTestId}>
          {error}
        </Alert>
      )}
      {children}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
          {cancelLabel}
        </Button>
        {confirm && (
          <Button color={confirm.color} disabled={confirm.disabled} onClick={confirm.onClick} loading={confirm.busy} data-testid={confirm.testId}>
            {confirm.label}
          </Button>
        )}
      </Group>
    </>
  );
}
