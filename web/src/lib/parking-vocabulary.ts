import type { Amenity, SpaceType, SpaceTypeAvailability } from '@aiparksit/shared';

export const SPACE_TYPE_LABELS: Record<SpaceType, string> = {
  standard: 'Standard',
  ev: 'EV charging',
  accessible: 'Accessible',
  oversize: 'Oversize',
  motorcycle: 'Motorcycle',
};

export const AMENITY_LABELS: Record<Amenity, string> = {
  covered: 'Covered',
  ev_charging: 'EV charging',
  accessible: 'Accessible',
  cctv: 'CCTV',
  staffed: 'Staffed',
  lighting: 'Well lit',
  lift: 'Lift',
  toilets: 'Toilets',
  car_wash: 'Car wash',
  bicycle_parking: 'Bicycle parking',
  contactless_entry: 'Contactless entry',
  public_transport: 'Public transport nearby',
  valet: 'Valet',
};

/**
 * A small picture per amenity, read beside its label (the label is what screen readers get: the
 * icons are hidden from them). Emoji, so they need no image requests and scale with the text.
 */
export const AMENITY_ICONS: Record<Amenity, string> = {
  covered: '🏢',
  ev_charging: '🔌',
  accessible: '♿',
  cctv: '📹',
  staffed: '🧑‍💼',
  lighting: '💡',
  lift: '🛗',
  toilets: '🚻',
  car_wash: '🧽',
  bicycle_parking: '🚲',
  contactless_entry: '📶',
  public_transport: '🚉',
  valet: '🔑',
};

/**
 * Free spaces as a person reads them: the exact count when the API gives one (signed-in
 * drivers), otherwise the coarse level it gives anonymous visitors.
 */
export function availabilityText(availability: Pick<SpaceTypeAvailability, 'level' | 'available' | 'capacity'>): string {
  if (availability.available !== null) {
    if (availability.available === 0) return 'Full';
    return availability.capacity !== null ? `${availability.available} of ${availability.capacity} free` : `${availability.available} free`;
  }
  return { none: 'Full', few: 'Few spaces left', many: 'Many spaces free' }[availability.level];
}

/** "350 m" up to a kilometre, then "1.2 km". */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  return `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} km`;
}
