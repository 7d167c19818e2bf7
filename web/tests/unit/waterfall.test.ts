import { describe, expect, it } from 'vitest';
import { waterfallDomain, waterfallSpans } from '../../src/waterfall';
import { fraction } from '../../src/util';

describe('waterfall geometry', () => {
  it('runs each step from the total before it to the total after it', () => {
    const spans = waterfallSpans([{ contribution: -0.25 }, { contribution: -0.25 }, { contribution: 0.0333 }, { contribution: -0.0333 }]);
    expect(spans).toEqual([{ from: 0, to: -0.25 }, { from: -0.25, to: -0.5 }, { from: -0.5, to: -0.4667 }, { from: -0.4667, to: -0.5 }]);
  });
  it('keeps zero on the axis', () => {
    const [lo, hi] = waterfallDomain([{ from: 0.2, to: 0.5 }]);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0.5);
  });
});

describe('fraction', () => {
  it('reads the API\'s exact fractions', () => {
    expect(fraction('-7/24')).toBeCloseTo(-0.2916667, 6);
    expect(fraction('3')).toBe(3);
  });
});
