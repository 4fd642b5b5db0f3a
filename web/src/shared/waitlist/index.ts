/** A driver's place in a full car park's waitlist: joined from its page or checkout, listed on the driver's waitlist page. */
export { waitlistKeys } from './waitlist-keys';
export { WAITLIST_REFRESH_MS, getWaitlistEntry, joinWaitlist, listWaitlist, useJoinWaitlist, useWaitlist, waitlistOptions } from './waitlist-api';
export { WAITLIST_STATE_LABELS, entryStateOf, holdEndsText, isStillInLine, ordinal, type WaitlistEntryState } from './waitlist-status';
export { MY_WAITLIST_PATH, WaitlistOffer } from './waitlist-offer';
