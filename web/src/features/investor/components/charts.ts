import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Filler, Legend, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { minorUnitDigits } from '../../../lib/money';

ChartJS.register(ArcElement, BarElement, CategoryScale, Filler, Legend, LineElement, LinearScale, PointElement, Tooltip);

/** A colour per series, distinguishable and in the app's palette first. */
export const SERIES_COLOURS = ['#1d5fd1', '#e07a1f', '#157f3b', '#8e44ad', '#c0392b', '#16a5a5', '#7f8c8d', '#b7950b'];

export const colourAt = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#1d5fd1';

/** Minor units → whole units of the currency, for chart axes (amounts in tables stay exact). */
export function toUnits(amountCents: number, currency: string): number {
  return amountCents / 10 ** minorUnitDigits(currency);
}

/** Options every investor chart shares: fills its box, no animation (screenshots and PDF match the page). */
export const BASE_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { labels: { boxWidth: 12, boxHeight: 12 } } },
} as const;
