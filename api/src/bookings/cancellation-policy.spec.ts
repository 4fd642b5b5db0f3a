import { cancellationTerms } from './cancellation-policy.js';

const policy = { freeCancelMinutes: 60, lateRefundPercent: 50 };
const start = new Date('2030-03-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('cancellationTerms', () => {
  it('refunds everything until the free period ends', () => {
    expect(cancellationTerms({ status: 'confirmed', start, refundableCents: 1201 }, policy, at('2030-03-01T08:59:59Z'))).toEqual({
      freeUntil: '2030-03-01T09:00:00.000Z',
      lateRefundPercent: 50,
      refundableNowCents: 1201,
      cancellableNow: true,
    });
  });

  it('refunds the late share, rounded down, from the end of the free period until the start', () => {
    expect(cancellationTerms({ status: 'confirmed', start, refundableCents: 1201 }, policy, at('2030-03-01T09:00:00Z'))).toMatchObject({
      refundableNowCents: 600,
      cancellableNow: true,
    });
    expect(cancellationTerms({ status: 'confirmed', start, refundableCents: 1201 }, policy, at('2030-03-01T09:59:59Z'))).toMatchObject({
      refundableNowCents: 600,
    });
  });

  it('closes cancellation once the booking has started', () => {
    expect(cancellationTerms({ status: 'confirmed', start, refundableCents: 1201 }, policy, at('2030-03-01T10:00:00Z'))).toMatchObject({
      refundableNowCents: 0,
      cancellableNow: false,
    });
  });

  it('lets an unpaid hold go at any time, refunding nothing', () => {
    expect(cancellationTerms({ status: 'pending_payment', start, refundableCents: 0 }, policy, at('2030-03-01T11:00:00Z'))).toMatchObject({
      refundableNowCents: 0,
      cancellableNow: true,
    });
  });

  it.each(['cancelled', 'expired', 'completed'] as const)('does not cancel a %s booking', (status) => {
    expect(cancellationTerms({ status, start, refundableCents: 500 }, policy, at('2030-02-01T00:00:00Z')).cancellableNow).toBe(false);
  });
});
