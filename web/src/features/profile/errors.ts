import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { fieldErrorFromMessage, fieldErrorFromPath, sentence } from '../../lib/fieldErrors';

/**
 * What a failed gateway call means for a form: messages for the fields the
 * errors name (BAD_USER_INPUT), and at most one message for the whole form.
 */
export function describeGatewayError<F extends string>(
  error: unknown,
  labels: Record<F, string>,
): { fields: Partial<Record<F, string>>; form: string | null } {
  const fields: Partial<Record<F, string>> = {};
  if (CombinedGraphQLErrors.is(error)) {
    const rest: string[] = [];
    for (const e of error.errors) {
      const code = e.extensions?.code;
      if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === undefined) {
        // The gateway names the input (extensions.field); coercion errors only say it in words.
        const path = e.extensions?.field;
        const fieldError =
          typeof path === 'string' ? fieldErrorFromPath(path, e.message, labels) : fieldErrorFromMessage(e.message, labels);
        if (fieldError && !fields[fieldError.field]) {
          fields[fieldError.field] = fieldError.message;
          continue;
        }
      }
      if (code === 'UNAUTHENTICATED') rest.push('Your session has ended. Please log in again.');
      else if (code === 'FORBIDDEN') rest.push('You are not allowed to change this profile.');
      else if (code === 'RATE_LIMITED') rest.push('Too many requests. Please wait a moment and try again.');
      else rest.push(sentence(e.message));
    }
    return { fields, form: rest.length > 0 ? [...new Set(rest)].join(' ') : null };
  }
  if (ServerError.is(error) && error.statusCode === 429) {
    return { fields, form: 'Too many requests. Please wait a moment and try again.' };
  }
  return { fields, form: 'We could not reach the server. Your changes are still here — please try again.' };
}
