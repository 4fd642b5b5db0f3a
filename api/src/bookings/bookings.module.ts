import { Module } from '@nestjs/common';
import { FacilitiesModule } from '../facilities/index.js';
import { PaymentsModule } from '../payments/index.js';
import { BookingLifecycleJob } from './booking-lifecycle.job.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';

@Module({
  imports: [PaymentsModule, FacilitiesModule],
  controllers: [BookingsController],
  providers: [BookingsService, BookingsRepository, BookingLifecycleJob],
  exports: [BookingsService, BookingLifecycleJob],
})
export class BookingsModule {}
