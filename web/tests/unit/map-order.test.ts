import { describe, expect, it } from 'vitest';
import { geographicOrder, nearestVertically } from '../../src/map/order';

// A rough projected Europe and Africa (x east, y south), in the API's order: by name.
const places = { France: { x: 490, y: 115 }, Kenya: { x: 580, y: 260 }, Morocco: { x: 465, y: 170 }, Nigeria: { x: 500, y: 240 },
  Norway: { x: 500, y: 60 }, Poland: { x: 540, y: 100 }, Spain: { x: 470, y: 140 } };
const names = Object.keys(places);
const points = Object.values(places);
const byName = (n: string) => names.indexOf(n);

describe('geographic focus order', () => {
  it('reads the map in bands from north to south, west to east within a band', () => {
    expect(geographicOrder(points).map((i) => names[i])).toEqual(['Norway', 'Spain', 'France', 'Poland', 'Morocco', 'Nigeria', 'Kenya']);
  });
  it('goes up and down to the nearest place, weighing east-west distance twice', () => {
    expect(names[nearestVertically(points, byName('Spain'), 'up')]).toBe('France');
    expect(names[nearestVertically(points, byName('Spain'), 'down')]).toBe('Morocco');
    expect(names[nearestVertically(points, byName('Nigeria'), 'down')]).toBe('Kenya');
  });
  it('prefers a place within 45 degrees of north to one barely north and far to the side', () => {
    const west = [{ x: 500, y: 240 }, { x: 485, y: 238 }, { x: 503, y: 218 }];  // Nigeria, Benin, Niger
    expect(nearestVertically(west, 0, 'up')).toBe(2);
    expect(nearestVertically(west.slice(0, 2), 0, 'up')).toBe(1);
  });
  it('stays put when nothing lies that way', () => {
    expect(nearestVertically(points, byName('Norway'), 'up')).toBe(byName('Norway'));
  });
});
