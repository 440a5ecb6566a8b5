import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldMessages } from './FieldMessages';
import { controlClass, describedBy } from './fieldStyles';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  /** Shown, and announced, only when set. */
  error?: string | null;
  /** Something shown inside the box before the text, e.g. a currency sign. */
  adornment?: ReactNode;
}

export function TextField({ label, hint, error, className, adornment, ...input }: TextFieldProps) {
  const id = useId();
  const ids = describedBy(id, hint, error);
  const control = (
    <input
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={ids.describedBy}
      className={controlClass(!!error, adornment ? 'pl-7' : undefined)}
      {...input}
    />
  );
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {adornment ? (
        <div className="relative">
          <span className="pointer-events-none absolute top-1.5 bottom-0 left-0 flex items-center pl-3 text-sm text-slate-500" aria-hidden="true">
            {adornment}
          </span>
          {control}
        </div>
      ) : (
        control
      )}
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
