// `npm run receipts:verify -- FILE`: checks the hash chain of a consent log written by the demo collector.
// Exits 0 and prints the number of receipts and the last hash, else exits 1 naming the first broken line.
import { readFileSync } from 'node:fs';
import { verifyReceiptLog } from './receipt-log.mjs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node demo/verify-receipts.mjs FILE   (e.g. demo/data/receipts.ndjson)');
  process.exit(2);
}
let text;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`${file}: ${error.message}`);
  process.exit(2);
}
const result = verifyReceiptLog(text);
if (result.ok) {
  console.log(`${file}: ${result.count} receipts, chain intact; last hash ${result.head}`);
} else {
  console.error(`${file}: line ${result.line} is broken: ${result.reason}`);
  process.exit(1);
}
