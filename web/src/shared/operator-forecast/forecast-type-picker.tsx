import { SPACE_TYPES, type SpaceType } from '@aiparksit/shared';
import { SPACE_TYPE_LABELS } from '../../lib/parking-vocabulary';

/** The space type an operator's forecast is of: one type, or all types together (`null`). */
export function ForecastTypePicker({ id, value, onChange }: { id: string; value: SpaceType | null; onChange: (type: SpaceType | null) => void }) {
  return (
    <div className="field forecast-type-picker">
      <label htmlFor={id}>Space type</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as SpaceType | null)} data-testid="forecast-space-type">
        <option value="">All types</option>
        {SPACE_TYPES.map((type) => (
          <option key={type} value={type}>
            {SPACE_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
    </div>
  );
}
