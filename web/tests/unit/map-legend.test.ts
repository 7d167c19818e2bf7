import { describe, expect, it } from 'vitest';
import { legendSteps, stepColours, stepScale } from '../../src/map/legend';

describe('map legend steps', () => {
  it('cover the data, not the whole 1-10 scale, in round steps', () => {
    // Criminality 2021 spans about 1.5 to 8: seven steps of 1 from 1 to 8.
    const steps = legendSteps([1.54, 3.2, 5.0, 7.88]);
    expect(steps).toEqual({ lo: 1, hi: 8, step: 1, thresholds: [2, 3, 4, 5, 6, 7] });
  });
  it('use the narrowest round width that gives at most the steps asked for', () => {
    expect(legendSteps([4.1, 5.9]).step).toBe(0.25);
    expect(legendSteps([3.1, 6.9]).step).toBe(0.5);
    expect(legendSteps([1, 10], 4)).toMatchObject({ lo: 0, hi: 10, step: 2.5 });
  });
  it('give one step for a single value and for none', () => {
    expect(legendSteps([5])).toMatchObject({ lo: 5, hi: 5.25, thresholds: [] });
    expect(legendSteps([]).thresholds).toEqual([]);
  });
  it('colour a value by the step it falls in, a boundary starting the next step', () => {
    const steps = legendSteps([1.5, 7.9]);
    const colour = stepScale(steps);
    const colours = stepColours(steps.thresholds.length + 1);
    expect(colour(1.5)).toBe(colours[0]);
    expect(colour(2)).toBe(colours[1]);
    expect(colour(7.9)).toBe(colours[colours.length - 1]);
    expect(new Set(colours).size).toBe(colours.length);
  });
  it('keep the middle step a clear hue, not grey', () => {
    const [r, g, b] = stepColours(7)[3].match(/\w\w/g)!.map((x) => parseInt(x, 16));
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(60);
  });
});
