import { describe, expect, it } from 'vitest';
import { parseHours } from './settingsValues';

describe('parseHours', () => {
  it('reads whole numbers separated by commas, semicolons or spaces', () => {
    expect(parseHours('12, 2')).toEqual([12, 2]);
    expect(parseHours(' 24;6  1 ')).toEqual([24, 6, 1]);
    expect(parseHours('168')).toEqual([168]);
  });
  it('refuses empty input, fractions, negative numbers and words', () => {
    for (const bad of ['', ' , ', '1.5', '-2', '12 uur', 'twaalf', '1000']) expect(parseHours(bad), bad).toBeNull();
  });
});
