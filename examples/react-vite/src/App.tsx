import { ConsentGate, useConsent } from 'allur-consent/react';
import { consent } from './consent';

export function App() {
  const { decided, categories } = useConsent(consent);
  const granted = Object.entries(categories).filter(([, on]) => on).map(([name]) => name);
  return (
    <main>
      <h1>allur-consent with React</h1>
      <p>
        Consent: <output id="consent-state">{decided ? `decided (${granted.join(', ')})` : 'undecided'}</output>
      </p>
      <ConsentGate instance={consent} category="marketing" fallback={<p id="fallback">Ads are off until you allow marketing cookies.</p>}>
        <p id="gated">An ad, shown only with marketing consent.</p>
      </ConsentGate>
      <button type="button" data-consent-open>Cookie settings</button>
      <button type="button" id="reset" onClick={() => consent.reset()}>Forget my choice</button>
    </main>
  );
}
