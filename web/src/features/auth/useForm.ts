import { useCallback, useMemo, useState } from 'react';

type Validators<F extends string> = Record<F, (value: string) => string | null>;

/**
 * Small form state helper: a field's message appears as soon as the user
 * starts typing in it (or leaves it, or submits), and updates on every key.
 */
export function useForm<F extends string>(initial: Record<F, string>, validators: Validators<F>) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});

  const allErrors = useMemo(() => {
    const out = {} as Record<F, string | null>;
    for (const field of Object.keys(validators) as F[]) out[field] = validators[field](values[field]);
    return out;
  }, [values, validators]);

  const visibleErrors = useMemo(() => {
    const out = {} as Record<F, string | null>;
    for (const field of Object.keys(allErrors) as F[]) out[field] = touched[field] ? allErrors[field] : null;
    return out;
  }, [allErrors, touched]);

  const setValue = useCallback((field: F, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
  }, []);

  const touch = useCallback((field: F) => {
    setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
  }, []);

  /** Marks every field touched; returns the first invalid field, if any. */
  const validateAll = useCallback((): F | null => {
    const fields = Object.keys(validators) as F[];
    setTouched(Object.fromEntries(fields.map((f) => [f, true])) as Record<F, boolean>);
    return fields.find((f) => allErrors[f] !== null) ?? null;
  }, [validators, allErrors]);

  return { values, errors: visibleErrors, setValue, touch, validateAll };
}
