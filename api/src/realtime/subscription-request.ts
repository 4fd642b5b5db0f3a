import { isUuid, type BoundingBox, type ClientMessage } from '@aiparksit/shared';
import { RealtimeException } from './realtime.exception.js';

export interface SubscriptionRequest {
  facilityIds: string[];
  bbox: BoundingBox | null;
}

/**
 * Checks a subscribe or unsubscribe message and returns what it asks for, deduplicated and
 * lower-cased. Ids must be UUIDs (facility ids are), so nobody fills memory with junk keys.
 */
export function readSubscriptionRequest(message: ClientMessage, maxIds: number): SubscriptionRequest {
  const raw = message as { facilityIds?: unknown; bbox?: unknown };
  if (raw.facilityIds === undefined && raw.bbox === undefined) {
    throw new RealtimeException('invalid_message', 'Give "facilityIds" (an array of facility ids) or "bbox" ({minLat, minLng, maxLat, maxLng}).');
  }
  let facilityIds: string[] = [];
  if (raw.facilityIds !== undefined) {
    if (!Array.isArray(raw.facilityIds)) throw new RealtimeException('invalid_message', '"facilityIds" must be an array of facility ids.');
    if (raw.facilityIds.length > maxIds) {
      throw new RealtimeException('too_many_subscriptions', `At most ${maxIds} facilities per socket.`, { maxSubscriptions: maxIds });
    }
    for (const id of raw.facilityIds) {
      if (!isUuid(id)) throw new RealtimeException('invalid_message', '"facilityIds" must hold facility ids (UUIDs).');
    }
    facilityIds = [...new Set((raw.facilityIds as string[]).map((id) => id.toLowerCase()))];
  }
  return { facilityIds, bbox: raw.bbox === undefined ? null : readBoundingBox(raw.bbox) };
}

function readBoundingBox(value: unknown): BoundingBox {
  const shape = '"bbox" must be {minLat, minLng, maxLat, maxLng} in degrees, min ≤ max (a box may not cross the antimeridian).';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RealtimeException('invalid_message', shape);
  const { minLat, minLng, maxLat, maxLng } = value as Record<string, unknown>;
  const numbers = [minLat, minLng, maxLat, maxLng];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) throw new RealtimeException('invalid_message', shape);
  const box = { minLat, minLng, maxLat, maxLng } as BoundingBox;
  const inRange = box.minLat >= -90 && box.maxLat <= 90 && box.minLng >= -180 && box.maxLng <= 180;
  if (!inRange || box.minLat > box.maxLat || box.minLng > box.maxLng) throw new RealtimeException('invalid_message', shape);
  return box;
}

export function boxContains(box: BoundingBox, latitude: number, longitude: number): boolean {
  return latitude >= box.minLat && latitude <= box.maxLat && longitude >= box.minLng && longitude <= box.maxLng;
}
