/**
 * The finder's first results do not wait for its search index: `npm run size` leaves the
 * index out of the bytes until the first results (issue 14) because the finder asks for it only
 * in the render that shows them. If the first answer ever needed the index, this fails.
 */
import { expect } from '@open-wc/testing';
import { FinderSearch } from '../src/service-finder/finder-search.js';
import { createClock } from '../src/core/time/opening.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { feedCopy } from './helpers.js';

describe('the first results and the search index', () => {
  it('the first answer (nothing typed) is there before the index, whose loading it starts', async () => {
    const feed = parseFeed(feedCopy()).feed!;
    let indexed!: () => void;
    const arrived = new Promise<void>((resolve) => {
      indexed = resolve;
    });
    // The finder renders again on each change; here the change that brings the index is awaited.
    const search: FinderSearch = new FinderSearch(feed, feed.services, () => search.index && indexed());
    const clock = createClock(new Date('2026-11-24T10:30:00+01:00'), feed.region);
    const first = search.answer({ text: '', selection: {}, shown: 20 }, clock);
    expect(first, 'an answer at once').to.exist;
    expect(first!.total).to.equal(feed.services.length);
    expect(first!.page.length).to.be.greaterThan(0);
    // The index is not there yet: its chunk was only asked for by this answer.
    expect(search.index).to.equal(undefined);
    // It arrives afterwards and says so (the finder then renders again).
    await arrived;
    expect(search.index).to.exist;
  });
});
