/** A URL slug from free text: lower-case ASCII letters, digits and single dashes, at most 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'facility';
}

/** The facility's slug base: its name and city, so "Central Garage" in two cities does not collide first. */
export function facilitySlugBase(name: string, city: string): string {
  return slugify(`${name} ${city}`);
}

/** The next candidate after `base` is taken: base-2, base-3, … */
export function slugCandidate(base: string, attempt: number): string {
  return attempt === 0 ? base : `${base}-${attempt + 1}`;
}
