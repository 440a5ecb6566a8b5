import { fieldErrorFromMessage, sentence } from '../../lib/fieldErrors';
import { AuthError } from './authApi';

/**
 * Turns a failed auth-service call into what the form shows: a message under
 * the field it names, or one message for the whole form.
 */
export function describeAuthError<F extends string>(
  error: unknown,
  labels: Record<F, string>,
): { field: F; message: string } | { field: null; message: string } {
  if (!(error instanceof AuthError)) return { field: null, message: 'Something went wrong. Please try again.' };
  if (error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT' || error.status === 400 || error.status === 409) {
    const fieldError = fieldErrorFromMessage(error.message, labels);
    if (fieldError) return fieldError;
  }
  return { field: null, message: sentence(error.message) };
}
