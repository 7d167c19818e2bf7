import { describe, expect, it } from 'vitest';
import { ambiguityMessage, chooseUnit, unitLabels, unitOptions } from '../../src/unit-choice';

const sanPedroA = { iso3: 'MX-19_0046', name: 'San Pedro' };
const sanPedroB = { iso3: 'MX-05_0033', name: 'San Pedro' };
const monterrey = { iso3: 'MX-19_0039', name: 'Monterrey' };
const all = () => true;

describe('unitOptions', () => {
  it('offers a shared name by its codes and a name of its own by the name', () => {
    expect(unitOptions([sanPedroA, monterrey, sanPedroB])).toEqual([
      { value: 'Monterrey', label: 'Monterrey' },
      { value: 'MX-05_0033', label: 'San Pedro (MX-05_0033)' },
      { value: 'MX-19_0046', label: 'San Pedro (MX-19_0046)' },
    ]);
  });
});

describe('unitLabels', () => {
  it('adds the code only to the names the list repeats', () => {
    expect(unitLabels([sanPedroA, monterrey, sanPedroB])).toEqual(['San Pedro (MX-19_0046)', 'Monterrey', 'San Pedro (MX-05_0033)']);
  });
});

describe('chooseUnit', () => {
  it('picks none of the units a typed name is shared by, and lists them', () => {
    expect(chooseUnit([sanPedroA, sanPedroB], 'san pedro', all)).toEqual({ unit: null, ambiguous: [sanPedroA, sanPedroB] });
  });
  it('picks the unit whose code was typed, in any case', () => {
    expect(chooseUnit([sanPedroA, sanPedroB], ' mx-05_0033', all).unit).toEqual(sanPedroB);
  });
  it('picks the best match when its name is its own', () => {
    expect(chooseUnit([monterrey, sanPedroA], 'mon', all)).toEqual({ unit: monterrey, ambiguous: [] });
  });
  it('considers only the allowed units: a shared name one of them is allowed to take is not ambiguous', () => {
    expect(chooseUnit([sanPedroA, sanPedroB], 'San Pedro', (c) => c !== sanPedroA.iso3).unit).toEqual(sanPedroB);
    expect(chooseUnit([sanPedroA], 'x', () => false)).toEqual({ unit: null, ambiguous: [] });
  });
});

describe('ambiguityMessage', () => {
  it('says it as the API does', () => {
    expect(ambiguityMessage(' San Pedro ', [sanPedroA, sanPedroB])).toBe("'San Pedro' names 2 units: MX-19_0046 (San Pedro), MX-05_0033 (San Pedro); give a code");
  });
});
