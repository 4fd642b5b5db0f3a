import { Injectable } from '@nestjs/common';
import type { JoinWaitlistRequest, WaitlistEntryList, WaitlistEntryView } from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { BookingsService } from '../bookings/index.js';
import { WaitlistException } from './waitlist.exception.js';
import { WaitlistRepository } from './waitlist.repository.js';

@Injectable()
export class WaitlistService {
  constructor(
    private readonly bookings: BookingsService,
    private readonly repository: WaitlistRepository,
  ) {}

  /**
   * Joins the line for a stay that could be booked were a space free: every rule of a booking
   * applies (verified email, the car park's hours and stay limits, a valid plate, no blackout).
   * A stay with a space free now is refused with `space_available`: it is to be booked, not
   * waited for. The price quoted now is the one an offer will hold.
   */
  async join(driver: UserPrincipal, request: JoinWaitlistRequest, now = new Date()): Promise<WaitlistEntryView> {
    const { plate, quote, currency } = await this.bookings.checkStay(driver, request, now);
    const [start, end] = [new Date(quote.start), new Date(quote.end)];
    const stay = { driverId: driver.userId, facilityId: request.facilityId, spaceType: request.spaceType, start, end };
    const free = await this.repository.freeNow(request.facilityId, request.spaceType, start, end);
    if (free > 0) {
      throw new WaitlistException('space_available', `A ${request.spaceType} space is free for this stay now: book it instead of waiting.`, { free });
    }
    const id = await this.repository.insert({ ...stay, vehiclePlate: plate, amountCents: quote.totalCents, currency });
    if (!id) {
      const entryId = await this.repository.findSameStay(stay);
      throw new WaitlistException('already_waiting', 'You are already on the waitlist for this stay.', { entryId });
    }
    return (await this.repository.findOwn(driver.userId, id))!;
  }

  async listOwn(driver: UserPrincipal): Promise<WaitlistEntryList> {
    return { items: await this.repository.listOwn(driver.userId) };
  }

  async getOwn(driver: UserPrincipal, id: string): Promise<WaitlistEntryView> {
    const entry = await this.repository.findOwn(driver.userId, id);
    if (!entry) throw new WaitlistException('entry_not_found', 'No such waitlist entry.');
    return entry;
  }

  /** Leaves the line. An offer already made stays the driver's booking to pay or cancel. */
  async leave(driver: UserPrincipal, id: string): Promise<WaitlistEntryView> {
    const entry = await this.getOwn(driver, id);
    if (!(await this.repository.leave(driver.userId, id))) {
      throw new WaitlistException('entry_not_waiting', `This entry is ${entry.status}, no longer waiting.`, { status: entry.status });
    }
    return this.getOwn(driver, id);
  }
}
