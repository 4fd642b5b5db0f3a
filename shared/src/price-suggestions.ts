import type { RateInput } from './facility-management.js';
import type { SpaceType } from './facilities.js';
import type { Weekday } from './pricing.js';

/** What the rules concluded about a weekday's hours: full often (raise), mostly empty (cut), or fine. */
export type PriceBandVerdict = 'full' | 'empty';

/** One weekday's stretch of local hours the suggestion changes (or would, but for a bound). */
export interface PriceSuggestionBand {
  day: Weekday;
  /** Local wall clock "HH:MM"; `to` may be "24:00". */
  from: string;
  to: string;
  verdict: PriceBandVerdict;
  /** Weeks of history in which these hours were full (90 % of the spaces or more taken), out of `weeks`. */
  fullWeeks: number;
  weeks: number;
  /** Mean spaces taken over these hours in the history, and expected by the forecast (null without one). */
  observedOccupied: number;
  expectedOccupied: number | null;
  currentMultiplier: number;
  suggestedMultiplier: number;
  /** Price of one space-hour in minor units, now and suggested. */
  currentHourlyCents: number;
  suggestedHourlyCents: number;
  /** Expected change of the mean spaces taken over these hours, and of revenue per week in minor units. */
  occupiedChange: number;
  weeklyRevenueChangeCents: number;
  /** The reason in words, with the figures and the facility's currency. */
  reason: string;
}

/** The suggestion for one space type of a facility. */
export interface SpaceTypePriceSuggestion {
  spaceType: SpaceType;
  capacity: number;
  currency: string;
  current: RateInput;
  /** The complete rate card to apply, or null when nothing should change. */
  suggested: RateInput | null;
  /** Identifies this exact suggestion on this exact rate; POST …/accept names it. Null when nothing is suggested. */
  suggestionId: string | null;
  /** Lowest hourly price a suggestion may set (minor units), as the operator set it, or null (then the current hourly rate bounds cuts). */
  floorCents: number | null;
  /** A change of the base hourly rate for the whole week, when most open hours agree; null otherwise. */
  baseRate: { currentCents: number; suggestedCents: number; reason: string } | null;
  bands: PriceSuggestionBand[];
  /** Expected change per week over all hours: mean spaces taken and revenue in minor units. */
  weeklyOccupiedHoursChange: number;
  weeklyRevenueChangeCents: number;
  /** Current expected revenue per week (minor units), for scale. */
  weeklyRevenueCents: number;
  /** Why nothing is suggested, or what bounded the suggestion, in words. */
  summary: string;
}

/** `GET /api/operator/facilities/:id/price-suggestions`. */
export interface PriceSuggestions {
  facilityId: string;
  timeZone: string;
  currency: string;
  /** The constant price elasticity of demand the expectations assume (e.g. −0.4), and the assumption in words. */
  elasticity: number;
  assumption: string;
  /** Largest change of a price a suggestion makes, in percent. */
  maxStepPercent: number;
  /** Weeks of booking history read. */
  historyWeeks: number;
  /** Whether the facility's occupancy forecast was used (null before its first fit). */
  forecastFittedAt: string | null;
  types: SpaceTypePriceSuggestion[];
}

/** `PUT /api/operator/facilities/:id/price-floor`: the lowest hourly price suggestions may set for a type; null removes it. */
export interface PriceFloorRequest {
  spaceType: SpaceType;
  floorCents: number | null;
}

/** `POST /api/operator/facilities/:id/price-suggestions/accept`. */
export interface AcceptPriceSuggestionRequest {
  suggestionId: string;
}

/** Where a rate change came from. */
export type RateChangeSource = 'manual' | 'suggestion';

/** One entry of a facility's rate history. */
export interface RateChangeView {
  id: string;
  spaceType: SpaceType;
  before: RateInput | null;
  after: RateInput | null;
  source: RateChangeSource;
  suggestionId: string | null;
  changedBy: string | null;
  changedAt: string;
}

/** `GET /api/operator/facilities/:id/rate-changes`: newest first. */
export interface RateChangeList {
  results: RateChangeView[];
}

/** The answer to an accepted suggestion: the type's rate card now in force. */
export interface AcceptedPriceSuggestion {
  suggestionId: string;
  spaceType: SpaceType;
  rate: RateInput;
  acceptedAt: string;
}

/** The answer to `PUT …/price-floor`. */
export interface PriceFloorView {
  spaceType: SpaceType;
  floorCents: number | null;
}
