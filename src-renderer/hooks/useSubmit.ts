/**
 * A form's one action: busy while it runs (so the button shows it and is not pressed twice),
 * and the API's refusal kept to show inside the form in its own words.
 *
 * A form that names the fields it shows (`shown`) gets a refused input's messages under those
 * fields instead (fieldError), one each, and each goes as soon as its field is changed
 * (clearField); the box above the buttons then carries only what no shown field explains.
 */
import { useCallback, useState } from 'react';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../api/notify';

export function useSubmit(shown: readonly string[] = []) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  /** onRefused sees the refusal itself, for a form that reacts to its code. */
  const submit = async (work: () => Promise<void>, onRefused?: (e: unknown) => void) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await work();
    } catch (e) {
      const perField = e instanceof ApiCallError ? Object.fromEntries(Object.entries(e.fields).filter(([k]) => shown.includes(k))) : {};
      const explained = e instanceof ApiCallError && Object.keys(e.fields).length > 0 && Object.keys(e.fields).every((k) => k in perField);
      setFields(perField);
      setError(explained ? null : errorMessage(e));
      onRefused?.(e);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string): string | undefined => fields[name];
  const clearField = useCallback((name: string) => setFields((f) => (name in f ? Object.fromEntries(Object.entries(f).filter(([k]) => k !== name)) : f)), []);
  return { busy, error, setError, submit, fieldError, clearField };
}
