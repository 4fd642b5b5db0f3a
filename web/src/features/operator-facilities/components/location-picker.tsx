import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet';

const TILE_URL: string = import.meta.env['VITE_MAP_TILE_URL'] || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

function PickPoint({ onPick }: { onPick: (point: { lat: number; lng: number }) => void }) {
  useMapEvents({ click: (event) => onPick({ lat: Number(event.latlng.lat.toFixed(6)), lng: Number(event.latlng.lng.toFixed(6)) }) });
  return null;
}

/** The car park's pin: a click on the map moves it. The latitude and longitude fields beside it are the keyboard way. */
export function LocationPicker({ point, onPick }: { point: { lat: number; lng: number }; onPick: (point: { lat: number; lng: number }) => void }) {
  return (
    <div className="facility-map" role="region" aria-label="Map: click to place the car park">
      <MapContainer center={[point.lat, point.lng]} zoom={13} scrollWheelZoom={false} style={{ height: '100%' }}>
        <TileLayer url={TILE_URL} attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' />
        <PickPoint onPick={onPick} />
        <CircleMarker
          center={[point.lat, point.lng]}
          radius={10}
          pathOptions={{ color: '#174ea9', fillColor: '#1d5fd1', fillOpacity: 0.9 }}
          className="facility-map__pin"
        />
      </MapContainer>
    </div>
  );
}
