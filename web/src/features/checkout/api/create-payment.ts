import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreatePaymentRequest, PaymentView } from '@aiparksit/shared';
import { api, idempotent, unwrap } from '../../../lib/api-client';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { bookingKeys } from '../../../shared/bookings';

/** POST /api/payments: pays a hold or an extension; a refused card answers 402 with `details.code`. */
export function createPayment(body: CreatePaymentRequest, idempotencyKey: string): Promise<PaymentView> {
  return unwrap(api.POST('/api/payments', { params: { header: idempotent(idempotencyKey) }, body }));
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationKey: ['payments', 'create'],
    mutationFn: (body: CreatePaymentRequest) => createPayment(body, keys.keyFor(body)),
    onSettled: (_data, error) => keys.settle(error),
    onSuccess: (payment) => queryClient.invalidateQueries({ queryKey: bookingKeys.detail(payment.bookingId) }),
  });
}
