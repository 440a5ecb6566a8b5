import { useCallback, useMemo, useState } from 'react';

type Validators<F extends string> = Record<F, (value: string) => string | null>;

/**
 * Small form state helper: a field's message appears as soon as the user
 * starts typing in it (or leaves it, or submits), and updates on every key.
 * A server's message for a field shows until that field is edited.
 */
export function useForm<F extends string>(initial: Record<F, string>, validators: Validators<F>) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<F, string>>>({});

  const allErrors = useMemo(() => {
    const out = {} as Record<F, string | null>;
    for (const field of Object.keys(validators) as F[]) out[field] = validators[field](values[field]);
    return out;
  }, [values, validators]);

  const visibleErrors = useMemo(() => {
    const out = {} as Record<F, string | null>;
    for (const field of Object.keys(values) as F[]) {
      out[field] = (touched[field] ? (allErrors[field] ?? null) : null) ?? serverErrors[field] ?? null;
    }
    return out;
  }, [values, allErrors, touched, serverErrors]);

  const setValue = useCallback((field: F, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
    setServerErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  const setAll = useCallback((next: Record<F, string>) => {
    setValues(next);
    setTouched({});
    setServerErrors({});
  }, []);

  const touch = useCallback((field: F) => {
    setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
  }, []);

  const setServerError = useCallback((field: F, message: string) => {
    setServerErrors((e) => ({ ...e, [field]: message }));
  }, []);

  const clearServerErrors = useCallback(() => setServerErrors({}), []);

  /** Marks every field touched; returns the first invalid field, if any. */
  const validateAll = useCallback((): F | null => {
    const fields = Object.keys(validators) as F[];
    setTouched(Object.fromEntries(fields.map((f) => [f, true])) as Record<F, boolean>);
    return fields.find((f) => allErrors[f] !== null) ?? null;
  }, [validators, allErrors]);

  return { values, errors: visibleErrors, setValue, setAll, touch, validateAll, setServerError, clearServerErrors };
}
