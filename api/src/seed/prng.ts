/**
 * The seed's only source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG,
 * 128-bit state) keyed by a string through cyrb128. Never Math.random: the same key gives the
 * same sequence on every machine, so the same seed gives the same rows, ids included.
 *
 * Every entity draws from a stream keyed by `${seed}:${kind}:${index}`, so one facility's spaces
 * or one space's bookings can be regenerated without replaying everything before them.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    // Discard the first outputs: sfc32's early values are still correlated with the key.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** A fresh, independent stream for one entity of a kind (a facility, a space, ...). */
  static stream(seed: number, kind: string, index: number): SeededRandom {
    return new SeededRandom(`${seed}:${kind}:${index}`);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** k distinct items in a stable order (a partial Fisher–Yates shuffle of a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID (RFC 9562 §5.4 layout) whose 122 random bits come from this stream. */
  uuid(): string {
    const w0 = hex32(this.nextUint32());
    const w1 = hex32(this.nextUint32());
    const w2 = hex32(((this.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const w3 = hex32(this.nextUint32());
    return `${w0}-${w1.slice(0, 4)}-4${w1.slice(5, 8)}-${w2.slice(0, 4)}-${w2.slice(4)}${w3}`;
  }
}

// Millions of ids: a byte table beats toString(16) + padStart several times over.
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex32(n: number): string {
  return HEX_BYTES[n >>> 24]! + HEX_BYTES[(n >>> 16) & 255]! + HEX_BYTES[(n >>> 8) & 255]! + HEX_BYTES[n & 255]!;
}

/** cyrb128 (bryc, public domain): a fast 128-bit string hash, used only to key the PRNG. */
function cyrb128(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i += 1) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044559);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044559);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Booking codes must be unique across millions of rows, which random codes of readable length
 * are not (birthday bound). Instead the n-th booking's number is scrambled by a bijection on
 * 32 bits (multiply by an odd constant, xor a seed mask) and written as 7 Crockford base32
 * characters: unique by construction for up to 4 billion bookings, yet not sequential to the eye.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_MULTIPLIER = 0x9e3779b1; // odd, so multiplication is a bijection modulo 2^32

export function bookingCodes(seed: number): (index: number) => string {
  const mask = new SeededRandom(`${seed}:booking-code`).nextUint32();
  return (index) => {
    let n = (Math.imul(index, CODE_MULTIPLIER) ^ mask) >>> 0;
    let out = '';
    for (let i = 0; i < 7; i += 1) {
      out = CODE_ALPHABET[n & 31]! + out;
      n = Math.floor(n / 32);
    }
    return `PK-${out}`;
  };
}
