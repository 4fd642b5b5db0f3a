import type { Amenity, SpaceType, SpaceTypeAvailability } from '@aiparksit/shared';

export const SPACE_TYPE_LABELS: Record<SpaceType, string> = {
  standard: 'Standard',
  ev: 'EV charging',
  accessible: 'Accessible',
  oversize: 'Oversize',
  motorcycle: 'Motorcycle',
};

/** A space type inside a sentence: "standard", "EV charging" (an initialism keeps its capitals). */
export function spaceTypeInSentence(type: SpaceType): string {
  const label = SPACE_TYPE_LABELS[type];
  return /^[A-Z]{2}/.test(label) ? label : label.toLowerCase();
}

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
 * A small picture per amenity, drawn beside its label (the label is what screen readers get:
 * icons are hidden from them): the path data of a 24 × 24 stroked outline, so the icons need no
 * image requests or emoji font and take the text colour.
 */
export const AMENITY_ICONS: Record<Amenity, string> = {
  covered: 'M3 11 12 4l9 7M6 10v10M18 10v10M3 20h18',
  ev_charging: 'M13 2 5 14h6l-1 8 8-12h-6z',
  accessible: 'M11 3.5a1.5 1.5 0 1 0 0.01 0M11 7v6h5l2.5 5.5M11 10h5M8.5 10.5a5.5 5.5 0 1 0 7 7',
  cctv: 'M3 8 16 4l2 5-13 4zM9 12l1 5H5m0-3v6M17 8l4 2',
  staffed: 'M12 4a3.5 3.5 0 1 0 0.01 0M5 21a7 7 0 0 1 14 0',
  lighting: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0 0 12 3z',
  lift: 'M5 3h14v18H5zM9 9.5l3-3 3 3M9 14.5l3 3 3-3',
  toilets: 'M7 3.5a1.5 1.5 0 1 0 0.01 0M17 3.5a1.5 1.5 0 1 0 0.01 0M5 8h4v6H8v7H6v-7H5zM15 8h4l1.5 7H19v6h-4v-6h-1.5zM12 3v18',
  car_wash:
    'M4 18v-4l2-4h12l2 4v4zM4 18v2M20 18v2M7.5 15h.01M16.5 15h.01M8 2.5c0 1-1.2 2-1.2 3a1.2 1.2 0 0 0 2.4 0c0-1-1.2-2-1.2-3zM16 2.5c0 1-1.2 2-1.2 3a1.2 1.2 0 0 0 2.4 0c0-1-1.2-2-1.2-3z',
  bicycle_parking: 'M6 14a3.5 3.5 0 1 0 0.01 0M18 14a3.5 3.5 0 1 0 0.01 0M6 17.5l4-7h6l2 7M10 10.5 8 6H5.5M12 17.5l4-7',
  contactless_entry: 'M5 8.5a7 7 0 0 1 0 7M9 6a11 11 0 0 1 0 12M13 3.5a15 15 0 0 1 0 17M17 2a19 19 0 0 1 0 20',
  public_transport: 'M6 3h12a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM4 11h16M8 14.5h.01M16 14.5h.01M8 18l-2 3M16 18l2 3',
  valet: 'M8 11a4 4 0 1 0 0.01 0M11 12.5l9-9M17 6.5l3 3M14.5 9l2 2',
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
