import type { DataFidelity, SpaceType } from './facilities.js';

/**
 * Occupancy forecasts. A model is fitted nightly for each facility and space type from that
 * type's booked hours, and one for the whole facility (all types together). Drivers read a type's
 * (standard unless they ask for another); operators either one type's or the whole facility's.
 */

/**
 * How full an hour is expected to be, for everybody: `full` when fewer than
 * max(1, 10 % of capacity) spaces are expected free (FORECAST_FULL_FREE_SHARE), `high` from 70 %
 * of capacity expected taken, `moderate` from 40 %, `low` below.
 */
export const FORECAST_LEVELS = ['low', 'moderate', 'high', 'full'] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];

/** An hour counts as full when fewer than max(1, this share of capacity) spaces are expected free. */
export const FORECAST_FULL_FREE_SHARE = 0.1;

/** Query string of `GET /api/facilities/:id/forecast`: the window the driver looks at (as for availability). */
export interface FacilityForecastQuery {
  start: string;
  end: string;
  /** The space type forecast; standard when omitted (as for availability). */
  spaceType?: SpaceType;
}

export interface FacilityForecastHour {
  /** UTC start of the hour. */
  start: string;
  /** Wall clock at the start in the facility's zone, `HH:mm`. */
  localStart: string;
  /** Open for at least part of the hour (opening hours, no facility-wide blackout). Closed hours expect 0. */
  open: boolean;
  /** null when the hour is beyond what the model forecasts (more than 16 days after its fit). */
  level: ForecastLevel | null;
  /** Expected occupied spaces (an average over the hour, one decimal); null at coarse fidelity or beyond the model. */
  expectedOccupied: number | null;
}

export interface FacilityForecastBody {
  /** When the model was fitted (nightly). */
  fittedAt: string;
  /** Active spaces of the type when fitted; null at coarse fidelity. */
  capacity: number | null;
  /** Some open hour of the window is expected `full`. */
  likelyToFillUp: boolean;
  /**
   * Plain words from the typical week, e.g. "08:30 on weekdays": the usual local time at which
   * the facility reaches 90 % of capacity on most weekdays (or both weekend days); null when it
   * usually does not.
   */
  usuallyFullBy: string | null;
  /** Hour by hour over the local day the window starts on (23 or 25 hours on DST days), like the availability timeline. */
  hours: FacilityForecastHour[];
}

/** `GET /api/facilities/:id/forecast?start&end`. */
export interface FacilityForecast {
  facilityId: string;
  timeZone: string;
  /** The space type forecast. */
  spaceType: SpaceType;
  window: { start: string; end: string };
  /** null while the facility has no fitted model (new, or no booked hour yet). */
  forecast: FacilityForecastBody | null;
  fidelity: DataFidelity;
}

export interface OperatorForecastHour {
  start: string;
  localStart: string;
  open: boolean;
  /** Expected occupied spaces, one decimal. */
  expectedOccupied: number;
  /** The band: expected ∓ 1.28 × the model's one-week-ahead error (about 80 %), clamped to [0, capacity]; null while it has too little history to measure it. */
  low: number | null;
  high: number | null;
}

/** One local day of the outlook. */
export interface OperatorForecastDay {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Open hours of the day. */
  openHours: number;
  /** Expected booked space-hours over the day. */
  expectedSpaceHours: number;
  /** The busiest hour's expected occupied spaces, and its local start (null when closed all day). */
  peakExpectedOccupied: number;
  peakLocalStart: string | null;
  /** Expected occupied over capacity across the open hours, percent with one decimal; null when closed all day. */
  averagePercent: number | null;
  /** Some open hour of the day is expected full (as `likelyToFillUp`). */
  likelyToFillUp: boolean;
}

export interface OperatorForecastBody {
  fittedAt: string;
  /** Where the fitted history ends (the fit's UTC hour). */
  origin: string;
  /** Weeks of history the model read (up to 26). */
  weeksFitted: number;
  /** Active spaces when fitted: of the type, or of all types for the whole facility. */
  capacity: number;
  /** The weekly level's change per week, in occupied spaces of an average open hour (before damping). */
  trendPerWeek: number;
  /** Root mean square error of the model forecasting the last week of its history from the weeks before (spaces); null with under three weeks of history. */
  errorSpread: number | null;
  usuallyFullBy: string | null;
  /** Hour by hour from today's local midnight, 14 local days. */
  hours: OperatorForecastHour[];
  /** The same 14 local days, summed per day, for the dashboard's outlook. */
  days: OperatorForecastDay[];
}

/** Query string of `GET /api/operator/facilities/:id/forecast`. */
export interface OperatorForecastQuery {
  /** One space type; omitted: the whole facility, all types together. */
  spaceType?: SpaceType;
}

/** `GET /api/operator/facilities/:id/forecast`. */
export interface OperatorFacilityForecast {
  facilityId: string;
  timeZone: string;
  /** The space type forecast; null for the whole facility (all types). */
  spaceType: SpaceType | null;
  /** null while the facility has no fitted model. */
  forecast: OperatorForecastBody | null;
}

/** Most car parks one `GET /api/proxy/forecast-badges` asks about: a page of results. */
export const FORECAST_BADGES_MAX_IDS = 50;

/** Query string of `GET /api/proxy/forecast-badges`: the car parks of a result page and the searched window. */
export interface ForecastBadgesQuery {
  /** Comma list of facility ids, at most FORECAST_BADGES_MAX_IDS. */
  ids: string;
  start: string;
  end: string;
  /** The searched space type; standard when omitted. */
  spaceType?: SpaceType;
}

/** What a result shows of the forecast for the searched window. */
export interface ForecastBadge {
  /** The facility. */
  id: string;
  /** Some open hour of the window is expected full (as `FacilityForecastBody.likelyToFillUp`). */
  likelyToFillUp: boolean;
  /** "08:30 on weekdays", or null. */
  usuallyFullBy: string | null;
}

/**
 * `GET /api/proxy/forecast-badges`: one badge per asked car park that is listed and has a
 * forecast (the others are left out), in the order asked.
 */
export interface ForecastBadges {
  results: ForecastBadge[];
}
