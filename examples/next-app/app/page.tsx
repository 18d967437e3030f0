// A server component: it may import the headless entry's types and presets, never create an instance.
import type { ConsentConfig } from 'allur-consent/core';
import { presets } from 'allur-consent/core';
import { ConsentPanel } from './consent-panel';

// Plain data only: a server component hands its client components serialisable props.
const config: ConsentConfig = {
  policyVersion: '2026-01-01',
  policyUrl: '/privacy',
  lang: 'en',
  // This example has no statistics server.
  pixel: false,
  consentLog: false,
};

export default function Page() {
  return (
    <main>
      <h1>allur-consent with Next.js</h1>
      <p>With statistics consent the site may set: {presets.yandexMetrica.cookies.map(String).join(', ')}.</p>
      <ConsentPanel config={config} />
    </main>
  );
}
