export { MailboxPage, MailboxMessagePage } from './components/mailbox-page';
