import { facilitySlugBase, slugCandidate, slugify } from './slug.js';

describe('slugify', () => {
  it('keeps letters and digits, joins the rest with single dashes', () => {
    expect(slugify('  Central   Garage #2 ')).toBe('central-garage-2');
  });

  it('folds accents and ß to ASCII', () => {
    expect(slugify('Parkhaus Müllerstraße, Zürich')).toBe('parkhaus-mullerstrasse-zurich');
  });

  it('answers "facility" for text without a letter or digit', () => {
    expect(slugify('!!!')).toBe('facility');
  });

  it('stays within 80 characters and never ends with a dash', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('facilitySlugBase and slugCandidate', () => {
  it('builds the slug from name and city, then numbers the next candidates from 2', () => {
    const base = facilitySlugBase('Central Garage', 'Berlin');
    expect(base).toBe('central-garage-berlin');
    expect([0, 1, 2].map((n) => slugCandidate(base, n))).toEqual(['central-garage-berlin', 'central-garage-berlin-2', 'central-garage-berlin-3']);
  });
});
