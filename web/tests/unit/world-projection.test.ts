import { describe, expect, it } from 'vitest';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import isoNumeric from '../../src/data/iso-numeric.json';
import smallStates from '../../src/data/small-states.json';
import { MAP_HEIGHT, MAP_WIDTH, projectWorld } from '../../src/world-projection';

const world = projectWorld(atlas as unknown as Topology<{ countries: GeometryCollection }>, isoNumeric, smallStates as unknown as Record<string, [number, number] | string>);
const place = (name: string) => world.places.find((p) => p.name === name || p.iso3 === name)!;

describe('the projected world', () => {
  it('holds every territory of the atlas and every country of the index once', () => {
    const outlines = world.places.filter((p) => p.d !== null);
    expect(outlines).toHaveLength(177);
    const countries = world.places.flatMap((p) => (p.iso3 ? [p.iso3] : []));
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toHaveLength(193);
  });
  it('keeps the territories the index does not assess, without an ISO3', () => {
    for (const name of ['Greenland', 'Taiwan', 'W. Sahara', 'Antarctica']) expect(place(name).iso3).toBeNull();
  });
  it('centres a country on its main landmass, inside the map', () => {
    const france = place('FRA'), spain = place('ESP'), kazakhstan = place('KAZ');
    expect(france.centre[1]).toBeLessThan(spain.centre[1]);  // north of Spain, not pulled towards Guiana
    expect(Math.abs(france.centre[0] - spain.centre[0])).toBeLessThan(30);
    for (const p of [france, kazakhstan]) {
      expect(p.box[0][0]).toBeLessThanOrEqual(p.centre[0]);
      expect(p.box[1][1]).toBeGreaterThanOrEqual(p.centre[1]);
      expect(p.centre[0]).toBeGreaterThan(0);
      expect(p.centre[0]).toBeLessThan(MAP_WIDTH);
      expect(p.centre[1]).toBeLessThan(MAP_HEIGHT);
    }
  });
  it('draws a small state as a dot at its centre', () => {
    expect(place('AND')).toMatchObject({ d: null });
    expect(world.sphere.startsWith('M')).toBe(true);
  });
});
