import { useId, useState, type KeyboardEvent } from 'react';
import { cx } from './cx';
import { FieldMessages } from './FieldMessages';
import { describedBy } from './fieldStyles';

interface TagInputProps {
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** Why a new tag cannot be added, or null. */
  validate?: (value: string, existing: readonly string[]) => string | null;
  hint?: string;
  error?: string | null;
  placeholder?: string;
  name?: string;
}

/**
 * A list of short labels: type and press Enter (or a comma) to add, the ×
 * on a chip or Backspace in the empty box to remove. Text still in the box
 * is added when it loses focus.
 */
export function TagInput({ label, tags, onChange, validate, hint, error, placeholder, name }: TagInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const draftError = validate ? validate(draft, tags) : null;
  const shownError = draftError ?? error ?? null;
  const ids = describedBy(id, hint, shownError);

  function commit(): boolean {
    const value = draft.trim();
    if (value === '' || draftError) return false;
    onChange([...tags, value]);
    setDraft('');
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div
        className={cx(
          'mt-1.5 flex min-h-11 flex-wrap items-center gap-1.5 rounded-lg border bg-white px-2 py-1.5 shadow-sm',
          'focus-within:outline-2 focus-within:outline-offset-0',
          shownError ? 'border-red-400 focus-within:outline-red-500' : 'border-slate-300 focus-within:outline-indigo-600',
        )}
      >
        <ul className="contents">
          {tags.map((tag, index) => (
            <li key={`${tag}-${index}`} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-sm text-indigo-800 ring-1 ring-indigo-200 ring-inset">
              <span>{tag}</span>
              <button
                type="button"
                className="inline-flex h-5 w-5 items-center justify-center rounded-full text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                aria-label={`Remove ${tag}`}
                onClick={() => onChange(tags.filter((_, i) => i !== index))}
              >
                <svg viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                  <path strokeLinecap="round" d="M4 4l8 8M12 4l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          name={name}
          value={draft}
          placeholder={tags.length === 0 ? placeholder : undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={ids.describedBy}
          className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-slate-900 placeholder:text-slate-400 focus:outline-none"
          onChange={(e) => setDraft(e.target.value.replace(/,/g, ''))}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </div>
      <FieldMessages hint={hint} hintId={ids.hintId} error={shownError} errorId={ids.errorId} />
    </div>
  );
}
