import { describe, expect, it } from 'vitest';
import { arcPath, marketColours, marketLabel, MARKET_COLOURS } from '../../src/flows/arcs';

describe('marketColours', () => {
  it('gives each market a colour that does not depend on the order markets arrive in', () => {
    const a = marketColours(['heroin_trade', 'arms_trafficking', 'cannabis_trade']);
    const b = marketColours(['cannabis_trade', 'heroin_trade', 'arms_trafficking']);
    expect([...a]).toEqual([...b]);
    expect(a.get('arms_trafficking')).toBe(MARKET_COLOURS[0]);
    expect(new Set(a.values()).size).toBe(3);
  });
});

describe('arcPath', () => {
  it('bends to the left of travel, so opposite directions do not overlap', () => {
    expect(arcPath([0, 0], [100, 0])).toBe('M0,0 Q50,20 100,0');
    expect(arcPath([100, 0], [0, 0])).toBe('M100,0 Q50,-20 0,0');
  });
  it('puts further lanes further out', () => {
    expect(arcPath([0, 0], [100, 0], 0.2, 1)).toBe('M0,0 Q50,27 100,0');
  });
});

describe('marketLabel', () => {
  it('prefers the framework name, else turns the id into words', () => {
    expect(marketLabel('heroin_trade', new Map([['heroin_trade', 'Heroin trade']]))).toBe('Heroin trade');
    expect(marketLabel('fauna_crimes', new Map())).toBe('Fauna crimes');
  });
});
