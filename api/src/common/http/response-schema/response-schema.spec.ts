import { checkedSerializer } from './response-schema.js';

const SCHEMA = {
  type: 'object',
  properties: { id: { type: 'string' }, count: { type: 'integer' }, at: { type: 'string' }, note: { type: 'string', nullable: true } },
  required: ['id', 'count'],
};

describe('checkedSerializer', () => {
  const serialize = checkedSerializer(SCHEMA, 'GET /things (200)');

  it('gives the JSON.stringify value, dates and nulls included, in the schema property order', () => {
    const body = { at: new Date('2026-01-02T03:04:05.000Z'), id: 'a"\\b', count: 3, note: null };
    expect(JSON.parse(serialize(body))).toEqual(JSON.parse(JSON.stringify(body)));
    expect(serialize(body)).toBe('{"id":"a\\"\\\\b","count":3,"at":"2026-01-02T03:04:05.000Z","note":null}');
  });

  it('leaves out an optional property that is undefined, as JSON.stringify does', () => {
    expect(serialize({ id: 'a', count: 1, note: undefined })).toBe(JSON.stringify({ id: 'a', count: 1 }));
  });

  it('refuses a body with a property the schema does not list, instead of dropping it', () => {
    expect(() => serialize({ id: 'a', count: 1, secretlyNew: true })).toThrow(/GET \/things \(200\).*secretlyNew/);
  });

  it('refuses a value the schema would change (a fraction where it says integer, a number where it says string)', () => {
    expect(() => serialize({ id: 'a', count: 1.5 })).toThrow(/unlike JSON.stringify/);
    expect(() => serialize({ id: 7, count: 1 })).toThrow(/unlike JSON.stringify/);
  });

  it('refuses a body missing a required property', () => {
    expect(() => serialize({ count: 1 })).toThrow(/id/);
  });
});
