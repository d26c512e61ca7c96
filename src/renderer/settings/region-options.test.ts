import { describe, expect, it } from 'vitest';
import { regionOptions } from './region-options.ts';

describe('region options', () => {
  it('name each region in the chosen language, sorted in that language', () => {
    const greek = regionOptions('el');
    expect(greek.find((r) => r.code === 'GR')?.name).toBe('Ελλάδα');
    expect(regionOptions('ru').find((r) => r.code === 'CY')?.name).toBe('Кипр');
    const names = regionOptions('en').map((r) => r.name);
    expect(names.indexOf('Cyprus')).toBeLessThan(names.indexOf('Greece'));
    expect(names.length).toBeGreaterThan(200);
  });
});
