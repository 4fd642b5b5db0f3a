/** The waitlist: drivers in line for a full car park's space, served in order as spaces free. */
export { WaitlistModule } from './waitlist.module.js';
