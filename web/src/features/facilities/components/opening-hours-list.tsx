import { WEEKDAYS, type OpeningHours } from '@aiparksit/shared';

const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

export function OpeningHoursList({ hours, timeZone }: { hours: OpeningHours; timeZone: string }) {
  if (hours === null) return <p>Open 24 hours, every day.</p>;
  return (
    <>
      <dl className="details details--compact">
        {WEEKDAYS.map((day) => {
          const intervals = hours[day] ?? [];
          return [
            <dt key={`${day}-t`}>{DAY_NAMES[day]}</dt>,
            <dd key={`${day}-d`}>{intervals.length ? intervals.map(([from, to]) => `${from}–${to}`).join(', ') : 'Closed'}</dd>,
          ];
        })}
      </dl>
      <p className="field__hint">Local time ({timeZone}).</p>
    </>
  );
}
