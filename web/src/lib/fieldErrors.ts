// Where a server error belongs in a form. The gateway names the offending
// input by its path in `extensions.field` ("input.hourlyRate"):
// fieldErrorFromPath() uses that. Errors that carry no path — the auth
// service's REST answers, the engine's variable coercion
// ('Variable "$input" got invalid value … at "input.country"') — name the
// field in their message, which fieldErrorFromMessage() finds. Either way the
// message sits under the right input, worded with the label the user sees
// instead of the API's identifier.

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

function reword<F extends string>(field: F, message: string, labels: Record<F, string>): string {
  // "hourlyRate must be …" reads better as "Hourly rate must be …"; messages
  // that only mention the field further in keep their wording.
  return sentence(message.startsWith(field) ? labels[field] + message.slice(field.length) : message);
}

/**
 * The form field an error's input path names ("input.hourlyRate" ->
 * hourlyRate), with the message in the label's words; null when the path
 * names no field of this form.
 */
export function fieldErrorFromPath<F extends string>(path: string, message: string, labels: Record<F, string>): FieldError<F> | null {
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (!Object.prototype.hasOwnProperty.call(labels, name)) return null;
  const field = name as F;
  return { field, message: reword(field, message, labels) };
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
  return { field: best.field, message: best.index === 0 ? reword(best.field, message, labels) : sentence(message) };
}
