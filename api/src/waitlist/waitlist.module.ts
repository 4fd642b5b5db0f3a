import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/index.js';
import { WaitlistController } from './waitlist.controller.js';
import { WaitlistOffersJob } from './waitlist-offers.job.js';
import { WaitlistRepository } from './waitlist.repository.js';
import { WaitlistService } from './waitlist.service.js';

@Module({
  imports: [BookingsModule],
  controllers: [WaitlistController],
  providers: [WaitlistService, WaitlistRepository, WaitlistOffersJob],
})
export class WaitlistModule {}
