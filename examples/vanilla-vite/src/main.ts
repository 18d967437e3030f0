// The minimal setup: a policy version and the policy's address. No pixel or consent-log endpoint yet, so the
// library sends nothing and says so once in the console (an info, not a warning).
import { createConsent, type ConsentState } from 'allur-consent';

const consent = createConsent({ policyVersion: '2024-06-01', policyUrl: '/privacy' });

function paragraph(id: string, text: string) {
  const element = document.createElement('p');
  element.id = id;
  element.textContent = text;
  return element;
}
const ad = paragraph('gated', 'An ad, shown only with marketing consent.');
const noAd = paragraph('fallback', 'Ads are off until you allow marketing cookies.');

function show({ decided, categories }: ConsentState) {
  const granted = Object.entries(categories).filter(([, on]) => on).map(([name]) => name);
  document.getElementById('consent-state')!.textContent = decided ? `decided (${granted.join(', ')})` : 'undecided';
  // A block of the app's own that follows marketing consent (gated markup covers tags, images and iframes).
  document.getElementById('ads')!.replaceChildren(categories.marketing ? ad : noAd);
}

show(consent.getState());
consent.on('change', show);
document.getElementById('reset')!.addEventListener('click', () => consent.reset());
