import { describe, expect, it } from '@jest/globals';
import { ROLES } from '@aiparksit/shared';
import { ROLE_SECTIONS, destinationAfterSignIn, homeFor, navigationFor } from './navigation';

describe('navigationFor', () => {
  it('gives each role its own section and the account page, and nothing of the other roles but the investor pages for admins', () => {
    for (const role of ROLES) {
      const paths = navigationFor(role).map((item) => item.to);
      expect(paths[0]).toBe(homeFor(role));
      expect(paths.at(-1)).toBe('/account');
      const root = ROLE_SECTIONS[role].root;
      const own = (path: string) => path === homeFor(role) || path === root || path.startsWith(`${root}/`);
      expect(paths.slice(0, -1).filter((path) => !own(path))).toEqual(role === 'admin' ? ['/investor'] : []);
    }
  });

  it('leads investors to the overview, revenue, growth and market pages', () => {
    expect(navigationFor('investor').map((item) => item.to)).toEqual(['/investor', '/investor/revenue', '/investor/growth', '/investor/market', '/account']);
  });

  it('gives drivers search, their bookings and their waitlist, operators their car parks, bookings, figures and settings, and admins the mailbox, the operator applications and the accounts', () => {
    expect(navigationFor('driver').map((item) => item.label)).toEqual(['Find parking', 'My bookings', 'My waitlist', 'My passes', 'Account']);
    expect(navigationFor('operator').map((item) => item.label)).toEqual([
      'Dashboard',
      'Car parks',
      'Bookings',
      'Revenue',
      'Occupancy',
      'Settings',
      'Onboarding',
      'Account',
    ]);
    expect(navigationFor('admin').map((item) => item.to)).toEqual(['/admin', '/admin/mailbox', '/admin/operators', '/admin/accounts', '/investor', '/account']);
  });
});

describe('destinationAfterSignIn', () => {
  it('returns to the page that was asked for', () => {
    expect(destinationAfterSignIn('/account?tab=keys', 'driver')).toBe('/account?tab=keys');
  });

  it('goes home without a page, or for the sign-in pages themselves', () => {
    expect(destinationAfterSignIn(null, 'operator')).toBe('/operator');
    expect(destinationAfterSignIn('/login', 'operator')).toBe('/operator');
    expect(destinationAfterSignIn('/', 'investor')).toBe('/investor');
  });

  it('never leaves the site (no open redirect)', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(destinationAfterSignIn(next, 'driver')).toBe('/');
    }
  });

  it('goes home instead of into another role’s section', () => {
    expect(destinationAfterSignIn('/admin', 'driver')).toBe('/');
    expect(destinationAfterSignIn('/driver/bookings', 'driver')).toBe('/driver/bookings');
    expect(destinationAfterSignIn('/investor/market', 'driver')).toBe('/');
    expect(destinationAfterSignIn('/driver/checkout?facility=f&type=ev', 'operator')).toBe('/operator');
  });

  it('returns anyone to the open marketplace pages they were reading', () => {
    expect(destinationAfterSignIn('/search?city=Berlin', 'driver')).toBe('/search?city=Berlin');
    expect(destinationAfterSignIn('/facilities/0b6f?start=a&end=b', 'operator')).toBe('/facilities/0b6f?start=a&end=b');
    expect(destinationAfterSignIn('/driver/checkout?facility=f&start=a&end=b&type=ev', 'driver')).toBe('/driver/checkout?facility=f&start=a&end=b&type=ev');
  });

  it('takes an admin into the investor pages they may see', () => {
    expect(destinationAfterSignIn('/investor/market?period=12m', 'admin')).toBe('/investor/market?period=12m');
  });
});
