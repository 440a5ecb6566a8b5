import { describe, expect, it } from 'vitest';
import { fieldErrorFromMessage, fieldErrorFromPath, sentence } from './fieldErrors';

const labels = { password: 'Password', newPassword: 'New password', email: 'Email', hourlyRate: 'Hourly rate' };

describe('fieldErrorFromPath', () => {
  it('puts the error under the field its input path names, whatever the message says', () => {
    expect(fieldErrorFromPath('input.hourlyRate', 'hourlyRate must not be negative', labels)).toEqual({
      field: 'hourlyRate',
      message: 'Hourly rate must not be negative.',
    });
    expect(fieldErrorFromPath('input.email', 'that address is taken', labels)).toEqual({
      field: 'email',
      message: 'That address is taken.',
    });
  });

  it('returns null for a path naming no field of the form', () => {
    expect(fieldErrorFromPath('input.country', 'country is unknown', labels)).toBeNull();
    expect(fieldErrorFromPath('input.constructor', 'x', labels)).toBeNull();
  });
});

describe('fieldErrorFromMessage', () => {
  it('puts a message that starts with a field under it, in the label’s words', () => {
    expect(fieldErrorFromMessage('hourlyRate must have at most 2 decimals', labels)).toEqual({
      field: 'hourlyRate',
      message: 'Hourly rate must have at most 2 decimals.',
    });
    expect(fieldErrorFromMessage('email is already registered', labels)).toEqual({
      field: 'email',
      message: 'Email is already registered.',
    });
  });

  it('matches whole identifiers only (newPassword is not password)', () => {
    expect(fieldErrorFromMessage('newPassword is too common', labels)?.field).toBe('newPassword');
  });

  it('finds a field named inside a GraphQL coercion message', () => {
    const error = fieldErrorFromMessage('Variable "$input" got invalid value "x" at "input.hourlyRate"; Expected Money', labels);
    expect(error?.field).toBe('hourlyRate');
    expect(error?.message).toMatch(/^Variable "\$input" got invalid value/);
  });

  it('returns null when no field is named', () => {
    expect(fieldErrorFromMessage('invalid email or passwords', { username: 'Username' })).toBeNull();
  });

  it('sentence() capitalises and ends with a full stop once', () => {
    expect(sentence('too short')).toBe('Too short.');
    expect(sentence('Done!')).toBe('Done!');
  });
});
