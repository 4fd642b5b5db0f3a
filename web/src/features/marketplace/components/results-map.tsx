import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { Link } from 'react-router';
import type { MarketplaceResult } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';
import { availabilityText } from '../../../lib/parking-vocabulary';

/** Tiles from VITE_MAP_TILE_URL (an {z}/{x}/{y} template); OpenStreetMap's by default. */
const TILE_URL: string = import.meta.env['VITE_MAP_TILE_URL'] || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const FALLBACK_CENTER: [number, number] = [52.52, 13.405];

function FitToResults({ points }: { points: [number, number][] }) {
  const map = useMap();
  const signature = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    // Not animated: a page left mid-animation makes Leaflet finish the zoom on a removed map
    // ("reading '_leaflet_pos'"), and a jump to the new results reads just as well.
    if (points.length === 1) map.setView(points[0]!, 15, { animate: false });
    else if (points.length > 1) map.fitBounds(latLngBounds(points), { padding: [32, 32], maxZoom: 16, animate: false });
    // The signature stands for the points: refit only when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, signature]);
  return null;
}

/** A map laid out while its tab was hidden has no size: measure again once it shows. */
function ResizeWhenShown({ shown }: { shown: boolean }) {
  const map = useMap();
  useEffect(() => {
    if (shown) map.invalidateSize({ animate: false });
  }, [map, shown]);
  return null;
}

function PickPoint({ onPick }: { onPick: (point: { lat: number; lng: number }) => void }) {
  useMapEvents({ click: (event) => onPick({ lat: event.latlng.lat, lng: event.latlng.lng }) });
  return null;
}

/**
 * The results as markers. Markers are vector circles, not image icons, so they show even when
 * no tile server is reachable. The list beside the map is the keyboard-accessible equivalent.
 */
export function ResultsMap({
  results,
  center,
  linkTo,
  shown,
  onPickPoint,
}: {
  results: MarketplaceResult[];
  center: { lat: number; lng: number } | null;
  linkTo: (result: MarketplaceResult) => string;
  /** Whether its tab is the one showing (phones); wider screens show it always. */
  shown: boolean;
  onPickPoint: (point: { lat: number; lng: number }) => void;
}) {
  const points = results.map((r) => [r.facility.location.lat, r.facility.location.lng] as [number, number]);
  return (
    <div className="results-map" role="region" aria-label="Map of car parks found">
      <MapContainer
        center={center ? [center.lat, center.lng] : (points[0] ?? FALLBACK_CENTER)}
        zoom={13}
        scrollWheelZoom={false}
        className="results-map__canvas"
      >
        <TileLayer url={TILE_URL} attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' />
        <FitToResults points={points} />
        <ResizeWhenShown shown={shown} />
        <PickPoint onPick={onPickPoint} />
        {results.map((result) => (
          <CircleMarker
            key={result.facility.id}
            center={[result.facility.location.lat, result.facility.location.lng]}
            radius={10}
            pathOptions={{ color: '#174ea9', fillColor: result.availability.level === 'none' ? '#8a94a6' : '#1d5fd1', fillOpacity: 0.9, weight: 2 }}
            className="results-map__marker"
          >
            <Popup>
              <strong>{result.facility.name}</strong>
              <br />
              {result.quote ? formatMoney(result.quote.totalCents, result.facility.currency) : ''} · {availabilityText(result.availability)}
              <br />
              <Link to={linkTo(result)}>View and book</Link>
            </Popup>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
