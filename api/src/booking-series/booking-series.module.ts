import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/index.js';
import { PaymentsModule } from '../payments/index.js';
import { BookingSeriesController } from './booking-series.controller.js';
import { BookingSeriesRepository } from './booking-series.repository.js';
import { BookingSeriesService } from './booking-series.service.js';

@Module({
  imports: [BookingsModule, PaymentsModule],
  controllers: [BookingSeriesController],
  providers: [BookingSeriesService, BookingSeriesRepository],
})
export class BookingSeriesModule {}
