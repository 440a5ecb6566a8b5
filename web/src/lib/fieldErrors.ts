// The services name the offending field in their error messages
// ("hourlyRate must be a decimal…", "email is already registered",
// 'Variable "$input" got invalid value … at "input.country"'). This finds the
// field so the message can sit under the right input, worded with the label
// the user sees instead of the API's identifier.

export interface FieldError<F extends string> {
  field: F;
  message: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sentence case with a final full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : first + '.';
}

/**
 * The field a message is about (the earliest one it names), with the message
 * reworded to use the field's label; null when it names none of them.
 */
export function fieldErrorFromMessage<F extends string>(message: string, labels: Record<F, string>): FieldError<F> | null {
  let best: { field: F; index: number } | null = null;
  for (const field of Object.keys(labels) as F[]) {
    const match = new RegExp(`(?<![A-Za-z0-9_])${escape(field)}(?![A-Za-z0-9_])`).exec(message);
    if (match && (best === null || match.index < best.index)) best = { field, index: match.index };
  }
  if (!best) return null;
  const label = labels[best.field];
  // "hourlyRate must be …" reads better as "Hourly rate must be …"; messages
  // that only mention the field further in keep their wording.
  const reworded = best.index === 0 ? label + message.slice(best.field.length) : message;
  return { field: best.field, message: sentence(reworded) };
}
