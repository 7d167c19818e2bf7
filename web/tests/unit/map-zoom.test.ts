import { describe, expect, it } from 'vitest';
import { fitView, MAX_ZOOM, parseView, unionBox, viewText } from '../../src/map/zoom';

describe('map zoom', () => {
  it('fits a region box centred in the map', () => {
    const v = fitView([[400, 100], [500, 150]], 960, 500, 0);
    expect(v.k).toBeCloseTo(9.6);
    // The box's centre (450, 125) lands on the map's centre (480, 250).
    expect(v.k * 450 + v.x).toBeCloseTo(480);
    expect(v.k * 125 + v.y).toBeCloseTo(250);
  });
  it('never zooms out past the world nor in past the limit', () => {
    expect(fitView([[0, 0], [960, 500]], 960, 500).k).toBe(1);
    expect(fitView([[10, 10], [11, 11]], 960, 500).k).toBe(MAX_ZOOM);
  });
  it('joins the boxes of a region', () => {
    expect(unionBox([[[1, 5], [3, 6]], [[2, 1], [8, 4]]])).toEqual([[1, 1], [8, 6]]);
  });
  it('keeps a view in the URL and reads it back, refusing anything else', () => {
    expect(parseView(viewText({ k: 2.5, x: -100.4, y: 20.6 }))).toEqual({ k: 2.5, x: -100, y: 21 });
    expect(parseView('2,3')).toBeNull();
    expect(parseView('0.5,0,0')).toBeNull();
    expect(parseView(null)).toBeNull();
  });
});
