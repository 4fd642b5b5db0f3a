import { NotificationListener, type NotificationListenerOptions } from '../database/index.js';
import { EVENTS_CHANNEL } from './database-change.js';

export type DatabaseListenerOptions = Omit<NotificationListenerOptions, 'channel'>;

/** The listener on the events channel, which the triggers of facilities and bookings notify. */
export class DatabaseListener extends NotificationListener {
  constructor(options: DatabaseListenerOptions) {
    super({ ...options, channel: EVENTS_CHANNEL });
  }
}
