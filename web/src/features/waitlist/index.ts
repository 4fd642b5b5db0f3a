export { WaitlistPage } from './components/waitlist-page';
