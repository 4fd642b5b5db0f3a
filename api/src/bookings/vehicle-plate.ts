/**
 * A plate as the gate camera reads it: upper case, single spaces, 2–10 letters, digits, spaces or
 * dashes, starting and ending with a letter or digit. Letters include national ones (Ä, Ø, …).
 * Returns undefined when the text cannot be a plate.
 */
export function normalizeVehiclePlate(raw: string): string | undefined {
  const plate = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  return /^[\p{L}\p{N}][\p{L}\p{N} -]{0,8}[\p{L}\p{N}]$/u.test(plate) ? plate : undefined;
}
