import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { divIcon, type LeafletEvent, type Marker as LeafletMarker } from 'leaflet';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';

const TILE_URL: string = import.meta.env['VITE_MAP_TILE_URL'] || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

type Point = { lat: number; lng: number };

/** Six decimals: about 10 cm, finer than a parking entrance needs. */
const rounded = ({ lat, lng }: Point): Point => ({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) });

function PickPoint({ onPick }: { onPick: (point: Point) => void }) {
  useMapEvents({ click: (event) => onPick(rounded(event.latlng)) });
  return null;
}

/** Keeps the pin in sight when it moves by typing (a city, an address, the coordinates), not only by clicking. */
function FollowPoint({ point }: { point: Point }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().pad(-0.1).contains(point)) map.setView(point, Math.max(map.getZoom(), 13));
  }, [map, point]);
  return null;
}

/**
 * The car park's pin: a click on the map puts it there and it can be dragged; the latitude and
 * longitude fields beside it are the keyboard way. A div icon, as Leaflet's default marker
 * images are not where a bundler puts them.
 */
export function LocationPicker({ point, onPick }: { point: Point; onPick: (point: Point) => void }) {
  const icon = useMemo(() => divIcon({ className: 'facility-map__pin', iconSize: [22, 22], iconAnchor: [11, 11] }), []);
  const handlers = useMemo(() => ({ dragend: (event: LeafletEvent) => onPick(rounded((event.target as LeafletMarker).getLatLng())) }), [onPick]);
  return (
    <div className="facility-map" role="region" aria-label="Map: click or drag the pin to place the car park">
      <MapContainer center={[point.lat, point.lng]} zoom={13} scrollWheelZoom={false} style={{ height: '100%' }}>
        <TileLayer url={TILE_URL} attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' />
        <PickPoint onPick={onPick} />
        <FollowPoint point={point} />
        <Marker position={[point.lat, point.lng]} draggable icon={icon} eventHandlers={handlers} title="Car park location" keyboard={false} />
      </MapContainer>
    </div>
  );
}
