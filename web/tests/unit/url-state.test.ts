import { describe, expect, it } from 'vitest';
import { changedHash, pageHash } from '../../src/url-state';

describe('url state', () => {
  it('writes only the values that are set', () => {
    expect(pageHash('rankings', { edition: 2021, q: '', region: null, sort: undefined })).toBe('#/rankings?edition=2021');
    expect(pageHash('map', {})).toBe('#/map');
    expect(pageHash('country/KAZ', { change: 'law_enforcement=5.5,prisons=3', goal: 'resilience>=6' }))
      .toBe('#/country/KAZ?change=law_enforcement=5.5,prisons=3&goal=resilience>=6'.replace('>', '%3E'));
  });
  it('changes one setting and keeps the others', () => {
    expect(changedHash('country/KAZ', '#/country/KAZ?edition=2025&trace=resilience&basis=like', { edition: 2023 }))
      .toBe('#/country/KAZ?edition=2023&trace=resilience&basis=like');
    expect(changedHash('compare', '#/compare?edition=2021&countries=KAZ%2CUZB&why=resilience', { countries: 'KAZ,UZB,KGZ' }))
      .toBe('#/compare?edition=2021&countries=KAZ,UZB,KGZ&why=resilience');
  });
  it('drops a setting changed to null and reads a hash without a query', () => {
    expect(changedHash('changes', '#/changes?from=2021&country=KAZ', { country: null })).toBe('#/changes?from=2021');
    expect(changedHash('flows', '#/flows', { market: 'heroin_trade' })).toBe('#/flows?market=heroin_trade');
  });
});
