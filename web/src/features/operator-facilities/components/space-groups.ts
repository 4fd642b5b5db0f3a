import { SPACE_TYPES, type ManagedSpace, type SpaceType } from '@aiparksit/shared';

/** The spaces of one type, as the space list groups them. */
export interface SpaceGroup {
  spaceType: SpaceType;
  spaces: ManagedSpace[];
  active: number;
  inactive: number;
}

/** Spaces grouped by type, in the vocabulary's order, each in label order; types without spaces are left out. */
export function groupSpaces(spaces: readonly ManagedSpace[]): SpaceGroup[] {
  return SPACE_TYPES.map((spaceType) => {
    const ofType = spaces.filter((space) => space.spaceType === spaceType).sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
    const active = ofType.filter((space) => space.active).length;
    return { spaceType, spaces: ofType, active, inactive: ofType.length - active };
  }).filter((group) => group.spaces.length > 0);
}

/**
 * The spaces "deactivate N of type X" takes: active ones without a booking that has not ended,
 * highest label first (the newest numbers go first, so the low numbers painted on the ground
 * stay in service). Fewer than `count` when not enough are free.
 */
export function spacesToDeactivate(group: SpaceGroup, count: number): ManagedSpace[] {
  return group.spaces
    .filter((space) => space.active && !space.nextBooking)
    .reverse()
    .slice(0, Math.max(0, count));
}

/** The labels the next `count` spaces of a type get, as the API numbers them (after the highest number in use). */
export function nextLabels(spaceType: SpaceType, existing: readonly ManagedSpace[], count: number): string[] {
  const highest = existing
    .filter((space) => space.spaceType === spaceType)
    .reduce((max, space) => Math.max(max, Number(/-(\d+)$/.exec(space.label)?.[1] ?? 0)), 0);
  return Array.from({ length: Math.max(0, count) }, (_, i) => `${spaceType.toUpperCase()}-${String(highest + i + 1).padStart(3, '0')}`);
}
