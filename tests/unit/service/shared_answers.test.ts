import { describe, expect, it } from 'vitest';
import { SharedAnswers } from '../../../sidecar/src/service/shared_answers';

describe('SharedAnswers', () => {
  it('gives concurrent callers one request, then serves its answer for ttl after it arrived', async () => {
    let now = 1_000;
    const answers = new SharedAnswers<number>(500, () => now);
    let loads = 0;
    let release: (value: number) => void = () => undefined;
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = answers.get('k', load);
    now = 5_000; // in flight longer than ttl: still shared
    const second = answers.get('k', load);
    release(7);
    expect([await first, await second, loads]).toEqual([7, 7, 1]);
    now = 5_499;
    expect([await answers.get('k', load), loads]).toEqual([7, 1]);
    now = 5_500;
    const third = answers.get('k', load);
    release(8);
    expect([await third, loads]).toEqual([8, 2]);
  });

  it('keeps keys apart and does not keep failures', async () => {
    const answers = new SharedAnswers<string>(10_000, () => 0);
    await expect(answers.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await answers.get('a', async () => 'up')).toBe('up');
    expect(await answers.get('b', async () => 'other')).toBe('other');
    expect(await answers.get('a', async () => 'not asked')).toBe('up');
  });
});
