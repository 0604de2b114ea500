import { expect } from '@open-wc/testing';
import { runAll, sortSteps } from '../src/core/feed/slices.js';

describe('sortSteps (a sort in steps for long lists)', () => {
  it('sorts like Array.prototype.sort, stable, at and around its run length', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const length of [0, 1, 5, 8, 9, 16, 17, 100, 257]) {
      // Few distinct keys, so equal keys are common and stability shows.
      const items = Array.from({ length }, (_, i) => ({ key: Math.floor(random() * 5), at: i }));
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(compare);
      expect(runAll(sortSteps(items, compare, 8)), `length ${length}`).to.deep.equal(expected);
      expect(
        items.map((i) => i.at),
        'input untouched',
      ).to.deep.equal(items.map((_, i) => i));
    }
  });

  it('yields between runs and while merging (it can be sliced)', () => {
    const steps = sortSteps(
      Array.from({ length: 64 }, (_, i) => 64 - i),
      (a, b) => a - b,
      8,
    );
    let yields = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) yields++;
    // 8 runs sorted, then 4 + 2 + 1 merges.
    expect(yields).to.equal(15);
  });
});
