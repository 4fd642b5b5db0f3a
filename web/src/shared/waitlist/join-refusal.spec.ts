import { describe, expect, it } from '@jest/globals';
import type { ErrorEnvelope } from '@aiparksit/shared';
import { ApiError } from '../../lib/api-error';
import { joinRefusalOf } from './join-refusal';

function refusal(status: number, message: string, details: Record<string, unknown>): ApiError {
  const envelope: ErrorEnvelope = { statusCode: status, error: 'Refused', message, details, requestId: 'r' };
  return new ApiError(status, envelope);
}

describe('joinRefusalOf', () => {
  it('is null before anything was refused', () => {
    expect(joinRefusalOf(null)).toBeNull();
  });

  it('knows the driver already waits for the stay, and which entry that is', () => {
    expect(joinRefusalOf(refusal(409, 'You are already on the waitlist for this stay.', { code: 'already_waiting', entryId: 'e1' }))).toEqual({
      kind: 'already_waiting',
      entryId: 'e1',
    });
  });

  it('knows a space freed for the stay meanwhile', () => {
    expect(joinRefusalOf(refusal(409, 'A standard space is free for this stay now.', { code: 'space_available', free: 1 }))).toEqual({
      kind: 'space_available',
    });
  });

  it('asks for a confirmed email address first', () => {
    expect(joinRefusalOf(refusal(403, 'Confirm your email address before booking.', { code: 'email_not_verified' }))).toEqual({
      kind: 'email_not_verified',
      message: 'Confirm your email address before joining the waitlist: open the link in the email we sent you, or ask for a new one.',
    });
  });

  it('puts a bad plate beside its field', () => {
    const bad = refusal(400, 'A plate has 2–10 letters.', {
      code: 'invalid_vehicle_plate',
      fields: [{ field: 'vehiclePlate', code: 'invalid_format', message: 'A plate has 2–10 letters.' }],
    });
    expect(joinRefusalOf(bad)).toEqual({
      kind: 'invalid',
      message: 'Please correct the plate.',
      fields: { vehiclePlate: ['Enter the licence plate as it is on the car, such as B-AB 1234.'] },
      problems: [],
    });
  });

  it('lists every problem of a stay that breaks several booking rules', () => {
    const rules = refusal(400, 'The facility is closed at the start.', {
      code: 'outside_opening_hours',
      violations: [
        { code: 'outside_opening_hours', message: 'The facility is closed at the start.' },
        { code: 'too_long', message: 'The stay is longer than 24 hours.' },
      ],
    });
    expect(joinRefusalOf(rules)).toMatchObject({
      kind: 'invalid',
      problems: ['The facility is closed at the start.', 'The stay is longer than 24 hours.'],
    });
  });

  it('says any other refusal as a sentence', () => {
    expect(joinRefusalOf(refusal(409, 'The facility takes no new standard bookings during this window.', { code: 'blacked_out' }))).toEqual({
      kind: 'other',
      message: 'The facility takes no new standard bookings during this window.',
    });
    expect(joinRefusalOf(new TypeError('Failed to fetch'))).toEqual({ kind: 'other', message: 'Cannot reach AIParksit. Check your connection and try again.' });
  });
});
