import { expect } from '@open-wc/testing';
import { buildIndex } from '../src/service-finder/search-index.js';
import { parseFeed } from '../src/core/feed/parse.js';
import type { Feed } from '../src/core/feed/schema.js';
import { feedCopy } from './helpers.js';

/** The test feed with services named as given (every other field from the first service). */
async function indexOf(names: Record<string, string>) {
  const input = feedCopy();
  const template = input.services[0];
  input.services = Object.entries(names).map(([id, name]) => ({
    ...template,
    id,
    name: { de: name },
    summary: { de: 'Angebot' },
    description: undefined,
  }));
  const { feed } = parseFeed(input) as { feed: Feed };
  return buildIndex(feed, feed.services);
}

describe('search index', () => {
  it('any part of a compound of four or more letters finds it, at the front, in the middle or at the end', async () => {
    const index = await indexOf({ miet: 'Mietführerschein', konflikt: 'Schwangerschaftskonfliktberatung', kammer: 'Kleiderkammer' });
    expect(index.search('Führerschein')).to.deep.equal(['miet']);
    expect(index.search('fuehrerschein')).to.deep.equal(['miet']); // ü typed as ue
    expect(index.search('schein')).to.deep.equal(['miet']);
    expect(index.search('Miet')).to.deep.equal(['miet']);
    expect(index.search('konflikt')).to.deep.equal(['konflikt']);
    expect(index.search('schaft')).to.deep.equal(['konflikt']);
    expect(index.search('kammer')).to.deep.equal(['kammer']);
  });

  it('ranks the whole word before words that start with it, and those before parts', async () => {
    const index = await indexOf({ part: 'Schuldnerberatung', prefix: 'Beratungsstelle', exact: 'Beratung' });
    expect(index.search('beratung')).to.deep.equal(['exact', 'prefix', 'part']);
  });

  it('forgives typos only when nothing matches as written', async () => {
    const index = await indexOf({ hebamme: 'Hebammensprechstunde', schulden: 'Schuldnerberatung' });
    expect(index.search('hebame')).to.deep.equal(['hebamme']);
    expect(index.search('schuldnerberatng')).to.deep.equal(['schulden']);
    // "schulden" is written in no name: a typo match would be a guess, but no other word matches.
    expect(index.search('xyzzy')).to.deep.equal([]);
  });

  it('several words: all must match, else any of them', async () => {
    const index = await indexOf({ a: 'Schuldnerberatung', b: 'Mietführerschein', c: 'Schuldner und Miete' });
    expect(index.search('schuldner miet')).to.deep.equal(['c']);
    expect(index.search('schuldner xyzzy')).to.have.members(['a', 'c']);
    expect(index.search('   ')).to.equal(undefined);
  });
});
