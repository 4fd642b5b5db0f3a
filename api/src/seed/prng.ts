/**
 * The seed's only source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG,
 * 128-bit state) keyed by a string through cyrb128. Never Math.random: the same key gives the
 * same sequence on every machine, so the same seed gives the same rows, ids included.
 *
 * Every entity draws from a stream keyed by `${seed}:${kind}:${index}`, so one table can be
 * regenerated without replaying the others (the large set regenerates bookings once per table
 * instead of holding five million of them in memory).
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
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w0 = hex(this.nextUint32());
    const w1 = hex(this.nextUint32());
    const w2 = hex(((this.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const w3 = hex(this.nextUint32());
    return `${w0}-${w1.slice(0, 4)}-4${w1.slice(5, 8)}-${w2.slice(0, 4)}-${w2.slice(4)}${w3}`;
  }
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
 * 40 bits (multiply by an odd constant, xor a seed mask) and written in Crockford base32:
 * unique by construction, yet not guessable in sequence by eye.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_SPACE = 2n ** 40n;
const CODE_MULTIPLIER = 0x9e3779b97n; // odd, so multiplication is a bijection modulo 2^40

export function bookingCodes(seed: number): (index: number) => string {
  const mask = (BigInt(new SeededRandom(`${seed}:booking-code`).nextUint32()) * 256n) % CODE_SPACE;
  return (index) => {
    let n = ((BigInt(index) * CODE_MULTIPLIER) % CODE_SPACE) ^ mask;
    let out = '';
    for (let i = 0; i < 8; i += 1) {
      out = CODE_ALPHABET[Number(n % 32n)]! + out;
      n /= 32n;
    }
    return `PK-${out}`;
  };
}
