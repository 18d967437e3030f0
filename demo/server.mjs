// `npm start`: the demo on http://localhost:8080. Env: PORT, HOST (0.0.0.0: every interface), TRUST_PROXY=1
// (trust X-Forwarded-For). See docs/demo.md.
import { createDemoServer } from './app.mjs';

const demo = await createDemoServer({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? 'localhost',
  trustProxy: process.env.TRUST_PROXY === '1',
});
console.log(`allur-consent demo: ${demo.url}/`);
console.log(`hits are appended to ${demo.hitsFile}`);
