import { useId, type TextareaHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { controlClass, describedBy } from './fieldStyles';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextArea({ label, hint, error, className, ...textarea }: TextAreaProps) {
  const id = useId();
  const ids = describedBy(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={controlClass(!!error, 'min-h-32 resize-y')}
        {...textarea}
      />
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
