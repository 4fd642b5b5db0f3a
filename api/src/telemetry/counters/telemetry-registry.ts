import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/**
 * The Prometheus registry of this process and the business counters other modules bump where
 * the thing happens (one call, no I/O). It depends on nothing of the API, so any module may
 * inject it without an import cycle; the telemetry module adds the HTTP, WebSocket, outbox,
 * pool and process metrics to the same registry.
 */
@Injectable()
export class TelemetryRegistry {
  readonly registry = new Registry();

  private readonly bookings = new Counter({
    name: 'aiparksit_bookings_total',
    help: 'Bookings handled by this instance: created (held), confirmed (paid), cancelled.',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  private readonly payments = new Counter({
    name: 'aiparksit_payments_total',
    help: 'Payment attempts answered by this instance, by outcome (succeeded, declined, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly blocks = new Counter({
    name: 'aiparksit_requests_refused_total',
    help: 'Requests refused by the rate limiter (rate_limit) or the anti-harvesting guard (harvesting).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Zero series from the start: a counter that first appears at 1 hides its first increase from rate().
    for (const event of ['created', 'confirmed', 'cancelled']) this.bookings.labels(event).inc(0);
    for (const outcome of ['succeeded', 'declined', 'failed']) this.payments.labels(outcome).inc(0);
    for (const reason of ['rate_limit', 'harvesting']) this.blocks.labels(reason).inc(0);
  }

  bookingCreated(): void {
    this.bookings.labels('created').inc();
  }

  bookingConfirmed(): void {
    this.bookings.labels('confirmed').inc();
  }

  bookingCancelled(): void {
    this.bookings.labels('cancelled').inc();
  }

  paymentAnswered(outcome: 'succeeded' | 'declined' | 'failed'): void {
    this.payments.labels(outcome).inc();
  }

  rateLimited(): void {
    this.blocks.labels('rate_limit').inc();
  }

  harvestingBlocked(): void {
    this.blocks.labels('harvesting').inc();
  }
}
