import { jest } from '@jest/globals';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '../../common/errors/index.js';
import { MarketplaceQueryDto } from './marketplace-query.dto.js';

const metadata: ArgumentMetadata = { type: 'query', metatype: MarketplaceQueryDto, data: '' };
const pipe = createValidationPipe();

/** What class-transformer and class-validator make of a query, without the hand check. */
async function throughDecorators(query: Record<string, unknown>): Promise<MarketplaceQueryDto | 'refused'> {
  try {
    return (await ValidationPipe.prototype.transform.call(pipe, { ...query }, metadata)) as MarketplaceQueryDto;
  } catch {
    return 'refused';
  }
}

/** Values each field may be sent with: valid, at the edges, and the conversions Number() and trim() make surprising. */
const VALUES: Record<string, string[]> = {
  lat: ['52.52', '-90', '90', '90.0001', '', ' 12 ', '0x10', '1e1', 'NaN', 'Infinity', '12abc', '-0'],
  lng: ['13.405', '-180', '180', '180.5', '', '1e2', '-1e3', 'abc'],
  radius: ['2000', '1', '0', '50000', '50001', '1.5', '', '0x10', '2e3', ' 7 '],
  bbox: ['13.3,52.48,13.45,52.55', '13.3,52.48,13.45', '-1,-2,3,4', '1,2,3,4,5', 'a,b,c,d', ''],
  city: ['Zürich', '  Berlin ', '', '   ', 'a'.repeat(120), 'a'.repeat(121), '😀'.repeat(120), '😀'.repeat(121)],
  start: ['2030-01-01T10:00:00Z', '2030-01-01T10:00:00.000+01:00', '2030-01-01', '2030-02-30T10:00:00Z', 'tomorrow', ''],
  end: ['2030-01-01T12:00:00Z', '2030-13-01T12:00:00Z', '2030-01-01T12:00'],
  spaceType: ['standard', 'ev', 'accessible', 'Standard', 'van', ''],
  amenities: ['covered', 'covered,ev_charging', 'covered,', 'roof', ''],
  maxPriceCents: ['0', '500', '100000000', '100000001', '-1', '2.5', '', 'free'],
  sort: ['distance', 'price', 'availability', 'nearest', ''],
  cursor: ['abc.def', '', 'x'.repeat(2048), 'x'.repeat(2049)],
  limit: ['1', '20', '50', '51', '0', '10.5', '', '1e1'],
};
const FIELDS = Object.keys(VALUES);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('MarketplaceQueryDto.acceptValid', () => {
  it('accepts exactly the queries the decorators accept, and makes the same DTO of them', async () => {
    const next = random(13);
    const queries: Record<string, string>[] = [{}];
    for (const field of FIELDS) for (const value of VALUES[field]!) queries.push({ [field]: value });
    for (let i = 0; i < 400; i++) {
      const query: Record<string, string> = {};
      const count = 1 + Math.floor(next() * 5);
      for (let f = 0; f < count; f++) {
        const field = FIELDS[Math.floor(next() * FIELDS.length)]!;
        const values = VALUES[field]!;
        query[field] = values[Math.floor(next() * values.length)]!;
      }
      queries.push(query);
    }
    let accepted = 0;
    for (const query of queries) {
      const expected = await throughDecorators(query);
      const byHand = MarketplaceQueryDto.acceptValid({ ...query });
      if (expected === 'refused') {
        expect({ query, byHand }).toEqual({ query, byHand: undefined });
      } else {
        expect(byHand).toBeInstanceOf(MarketplaceQueryDto);
        expect({ query, byHand }).toStrictEqual({ query, byHand: expected });
        accepted += 1;
      }
    }
    // Both outcomes are well represented, so the comparison is not one-sided.
    expect(accepted).toBeGreaterThan(50);
    expect(queries.length - accepted).toBeGreaterThan(50);
  });

  it('leaves unknown fields, repeated parameters and other shapes to the pipe', () => {
    expect(MarketplaceQueryDto.acceptValid({ lat: '1', lng: '2', page: '2' })).toBeUndefined();
    expect(MarketplaceQueryDto.acceptValid({ lat: ['1', '2'], lng: '2' })).toBeUndefined();
    expect(MarketplaceQueryDto.acceptValid({ lat: 1 })).toBeUndefined();
    expect(MarketplaceQueryDto.acceptValid(Object.assign(Object.create(null) as object, { constructor: 'x' }))).toBeUndefined();
    expect(MarketplaceQueryDto.acceptValid(null)).toBeUndefined();
    expect(MarketplaceQueryDto.acceptValid([])).toBeUndefined();
  });

  it('is what the application pipe uses, and the pipe still words a refusal field by field', async () => {
    const byHand = jest.spyOn(MarketplaceQueryDto, 'acceptValid');
    const dto = await pipe.transform({ lat: '52.5', lng: '13.4', limit: '5' }, metadata);
    expect(byHand).toHaveReturnedWith(dto);
    byHand.mockRestore();
    expect(dto).toStrictEqual(Object.assign(new MarketplaceQueryDto(), { lat: 52.5, lng: 13.4, limit: 5 }));
    const refusal = (await pipe.transform({ lat: '91', lng: '13.4' }, metadata).catch((error: unknown) => error)) as { getResponse(): unknown };
    expect(refusal.getResponse()).toMatchObject({ details: { fields: [{ field: 'lat', code: 'too_large', params: { max: 90 } }] } });
  });
});
