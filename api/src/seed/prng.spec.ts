import { bookingCodes, SeededRandom } from './prng.js';

describe('SeededRandom', () => {
  it('gives the same sequence for the same key and a different one for another key', () => {
    const draw = (key: string) => {
      const random = new SeededRandom(key);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw('1:facility:0')).toEqual(draw('1:facility:0'));
    expect(draw('1:facility:0')).not.toEqual(draw('1:facility:1'));
  });

  it('pins the first values of a known key, so a change of generator cannot slip by unnoticed', () => {
    const random = SeededRandom.stream(20_260_101, 'facility', 0);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([1_541_839_627, 1_908_482_408, 1_555_563_980]);
    expect(new SeededRandom('x').uuid()).toBe('a3b4e802-dfe0-4da0-948e-ac32c6f6104e');
  });

  it('keeps int() within its bounds, both ends included and reached', () => {
    const random = new SeededRandom('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) {
      const value = random.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('spreads next() evenly over [0, 1)', () => {
    const random = new SeededRandom('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) buckets[Math.floor(random.next() * 10)]! += 1;
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(600);
  });

  it('makes RFC 9562 version-4-shaped UUIDs without repeats', () => {
    const random = new SeededRandom('uuids');
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i += 1) {
      const id = random.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(50_000);
  });

  it('picks by weight', () => {
    const random = new SeededRandom('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i += 1)
      if (
        random.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('samples distinct items', () => {
    const sample = new SeededRandom('sample').sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
  });
});

describe('bookingCodes', () => {
  it('gives every booking index its own readable code', () => {
    const codeOf = bookingCodes(1);
    const codes = new Set<string>();
    for (let i = 0; i < 200_000; i += 1) codes.add(codeOf(i));
    expect(codes.size).toBe(200_000);
    expect(codeOf(0)).toMatch(/^PK-[0-9A-HJKMNP-TV-Z]{7}$/);
  });

  it('depends on the seed', () => {
    expect(bookingCodes(1)(5)).toBe(bookingCodes(1)(5));
    expect(bookingCodes(1)(5)).not.toBe(bookingCodes(2)(5));
  });
});
