import type { Role } from '@aiparksit/shared';

export interface NavItem {
  to: string;
  label: string;
}

export interface RoleSection {
  /** Where this role lands after signing in. */
  home: string;
  /** The path every page of the section starts with (a driver's home is the open marketplace, outside it). */
  root: string;
  /** The role as people read it. */
  title: string;
  nav: readonly NavItem[];
}

/** Each role sees its own section only; screens arrive in these sections as features land. */
export const ROLE_SECTIONS: Record<Role, RoleSection> = {
  driver: {
    // The marketplace is open to everyone: a driver's home is the search every visitor lands on.
    home: '/',
    root: '/driver',
    title: 'Driver',
    nav: [
      { to: '/', label: 'Find parking' },
      { to: '/driver/bookings', label: 'My bookings' },
      { to: '/driver/waitlist', label: 'My waitlist' },
      { to: '/driver/passes', label: 'My passes' },
    ],
  },
  operator: {
    home: '/operator',
    root: '/operator',
    title: 'Operator',
    nav: [
      { to: '/operator', label: 'Dashboard' },
      { to: '/operator/facilities', label: 'Car parks' },
      { to: '/operator/bookings', label: 'Bookings' },
      { to: '/operator/revenue', label: 'Revenue' },
      { to: '/operator/occupancy', label: 'Occupancy' },
      { to: '/operator/settings', label: 'Settings' },
      { to: '/operator/onboarding', label: 'Onboarding' },
    ],
  },
  investor: {
    home: '/investor',
    root: '/investor',
    title: 'Investor',
    nav: [
      { to: '/investor', label: 'Overview' },
      { to: '/investor/revenue', label: 'Revenue' },
      { to: '/investor/growth', label: 'Growth' },
      { to: '/investor/market', label: 'Market' },
    ],
  },
  admin: {
    home: '/admin',
    root: '/admin',
    title: 'Admin',
    nav: [
      { to: '/admin', label: 'System status' },
      { to: '/admin/mailbox', label: 'Mailbox' },
      { to: '/admin/operators', label: 'Operator applications' },
      { to: '/admin/accounts', label: 'Accounts' },
    ],
  },
};

/** Sections another role may also open: admins see the investor pages (the platform's figures are theirs to watch too). */
export const SECTION_GUESTS: Partial<Record<Role, readonly Role[]>> = { investor: ['admin'] };

/** Whether an account of `role` may open the pages of `section`. */
export function mayOpenSection(role: Role, section: Role): boolean {
  return role === section || (SECTION_GUESTS[section] ?? []).includes(role);
}

const ACCOUNT_ITEM: NavItem = { to: '/account', label: 'Account' };

/** A guest gets one entry per section it may visit, leading to that section's home. */
const GUEST_ITEMS: Partial<Record<Role, NavItem>> = { investor: { to: '/investor', label: 'Platform KPIs' } };

export function navigationFor(role: Role): NavItem[] {
  const guestOf = (Object.keys(SECTION_GUESTS) as Role[]).filter((section) => section !== role && mayOpenSection(role, section));
  const guestItems = guestOf.flatMap((section) => GUEST_ITEMS[section] ?? []);
  return [...ROLE_SECTIONS[role].nav, ...guestItems, ACCOUNT_ITEM];
}

export function homeFor(role: Role): string {
  return ROLE_SECTIONS[role].home;
}

/**
 * Where to go after signing in: the page the person asked for, when it is a path on this site
 * (never `//host` or a full URL: that would make the login page an open redirect), else home.
 */
export function destinationAfterSignIn(next: string | null, role: Role): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return homeFor(role);
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === '/' || path.startsWith('/login') || path.startsWith('/register')) return homeFor(role);
  // A page of another role's section would only show "not allowed": go home instead.
  const otherSection = (Object.entries(ROLE_SECTIONS) as [Role, RoleSection][]).some(
    ([section, { root }]) => !mayOpenSection(role, section) && (path === root || path.startsWith(`${root}/`)),
  );
  return otherSection ? homeFor(role) : next;
}
