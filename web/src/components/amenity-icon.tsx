import type { Amenity } from '@aiparksit/shared';
import { AMENITY_ICONS } from '../lib/parking-vocabulary';

/** The amenity's outline icon, decorative: its label beside it says what it is. */
export function AmenityIcon({ amenity }: { amenity: Amenity }) {
  return (
    <svg
      className="amenity-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-amenity-icon={amenity}
    >
      <path d={AMENITY_ICONS[amenity]} />
    </svg>
  );
}
