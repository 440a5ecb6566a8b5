import { useId, type SelectHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { controlClass, describedBy } from './fieldStyles';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Label of the empty choice ("none"). */
  placeholder?: string;
}

export function SelectField({ label, hint, error, className, options, placeholder, ...select }: SelectFieldProps) {
  const id = useId();
  const ids = describedBy(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} className={controlClass(!!error)} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
