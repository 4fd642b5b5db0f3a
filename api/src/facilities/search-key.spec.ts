import { likePatterns, searchKey } from './search-key.js';

describe('searchKey', () => {
  it.each([
    ['Zürich', 'zurich'],
    ['ZURICH', 'zurich'],
    ['zürich', 'zurich'],
    ['München', 'munchen'],
    ['Köln', 'koln'],
    ['Wiedeń', 'wieden'],
    ['Genève', 'geneve'],
    ['København', 'kobenhavn'],
    ['Łódź', 'lodz'],
    ['Ærøskøbing', 'aeroskobing'],
  ])('folds accents and case: %j is %j', (typed, key) => {
    expect(searchKey(typed)).toBe(key);
  });

  it('writes ß as ss, as unaccent does', () => {
    expect(searchKey('Karl-Liebknecht-Straße')).toBe('karl liebknecht strasse');
    expect(searchKey('GROẞE STRASSE')).toBe('grosse strasse');
  });

  it('makes every run of punctuation, symbols and spaces one space, and trims', () => {
    expect(searchKey('  St. Pauli ')).toBe('st pauli');
    expect(searchKey('P+R  Messestadt')).toBe('p r messestadt');
    expect(searchKey('Frankfurt (Main)')).toBe('frankfurt main');
    expect(searchKey('100% _off_')).toBe('100 off');
  });

  it('leaves nothing LIKE would read as a wildcard', () => {
    expect(searchKey('%_\\')).toBe('');
  });

  it('keeps letters of other scripts', () => {
    expect(searchKey('Москва')).toBe('москва');
  });
});

describe('likePatterns', () => {
  it('matches anywhere from three characters on', () => {
    expect(likePatterns('zur')).toEqual({ anywhere: '%zur%', start: 'zur%', wordStart: '% zur%' });
  });

  it('matches only word starts below three characters', () => {
    expect(likePatterns('zu')).toEqual({ anywhere: 'zu%', start: 'zu%', wordStart: '% zu%' });
  });
});
