/**
 * A form's one action: busy while it runs (so the button shows it and is not pressed twice),
 * and the API's refusal kept to show inside the form in its own words.
 */
import { useState } from 'react';
import { errorMessage } from '../api/notify';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** onRefused sees the refusal itself, for a form that reacts to its code. */
  const submit = async (work: () => Promise<void>, onRefused?: (e: unknown) => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
      onRefused?.(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
