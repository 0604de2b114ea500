/**
 * Type-check fixture, not run: proves that the Lotse elements type-check in React 19 JSX
 * through the `lotse/react` entry point. `npx tsc -p test/types/tsconfig.json` must pass;
 * each `@ts-expect-error` line must really be an error (else tsc fails on the unused directive).
 * (TypeScript accepts any undeclared attribute name with a dash, so a wrong `on<event>` name
 * on an element cannot be caught; a declared one is checked, with its event's detail.)
 */
import type {} from '../../src/types/react.js';
import { useRef } from 'react';
import { onLotse, type LotseServiceFinder } from '../../src/index.js';

const feedObject = { version: 1 };

export function Finder() {
  const ref = useRef<LotseServiceFinder>(null);
  return (
    <main>
      <lotse-service-finder feed="/services.json" lang="de" />
      <lotse-service-finder
        ref={ref}
        feed={feedObject}
        categories="health,family"
        view="compact"
        pageSize={10}
        page-size="10"
        url-state
        className="finder"
        onlotse-service-select={(event) => console.log(event.detail.serviceId.toUpperCase())}
        onlotse-search={(event) => console.log(event.detail.query)}
      />
      <lotse-hours-map feed="/services.json" consent="granted" show-map onlotse-feed-error={(e) => e.detail.problems.length} />
      <lotse-quick-check feed="/services.json" urlState onlotse-check-complete={(e) => e.detail.steps.join()} />
      <lotse-contact-form feed="/services.json" endpoint="/api/contact" privacy-url="/datenschutz" retentionDays={30} />

      {/* @ts-expect-error pageSize is a number */}
      <lotse-service-finder feed="/services.json" pageSize="ten" />
      {/* @ts-expect-error view is list or compact */}
      <lotse-service-finder feed="/services.json" view="grid" />
      {/* @ts-expect-error the detail of lotse-service-select has no "query" */}
      <lotse-service-finder onlotse-service-select={(event) => event.detail.query} />
      {/* @ts-expect-error feed is a URL or an object, not a number */}
      <lotse-contact-form feed={42} />

      {/* The typed alternative to hyphenated props: onLotse checks the event name and its detail. */}
      <lotse-service-finder ref={(el) => (el ? onLotse(el, 'lotse-service-select', (e) => e.detail.serviceId.toUpperCase()) : undefined)} />
      {/* @ts-expect-error a typo in the event name is caught */}
      <lotse-service-finder ref={(el) => (el ? onLotse(el, 'lotse-service-selct', () => undefined) : undefined)} />
    </main>
  );
}
