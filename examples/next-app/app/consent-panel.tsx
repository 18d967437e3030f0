'use client';
// Runs on the server while prerendering, then in the browser. Without `document` createConsent returns an inert,
// undecided instance, so the server renders what a first visit shows and hydration agrees with it.
import { type ConsentConfig, createConsent } from 'allur-consent';
import { ConsentGate, useConsent } from 'allur-consent/react';
import { useState } from 'react';

export function ConsentPanel({ config }: { config: ConsentConfig }) {
  // Created during the first render; StrictMode's second call gets the same live instance back.
  const [consent] = useState(() => createConsent(config));
  const { decided, categories } = useConsent(consent);
  return (
    <section>
      <p>
        Consent: <output id="consent-state">{decided ? `decided (statistics ${categories.statistics ? 'on' : 'off'}, marketing ${categories.marketing ? 'on' : 'off'})` : 'undecided'}</output>
      </p>
      <ConsentGate instance={consent} category="marketing" fallback={<p id="fallback">Ads are off until you allow marketing cookies.</p>}>
        <p id="gated">An ad, shown only with marketing consent.</p>
      </ConsentGate>
      <button type="button" data-consent-open>Cookie settings</button>
      <button type="button" id="reset" onClick={() => consent.reset()}>Forget my choice</button>
    </section>
  );
}
