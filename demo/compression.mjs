// Compressed answers, as a production server sends them: brotli when the client accepts `br`, else gzip, for text
// types only. Static files are compressed once at the best quality, as a build step would precompress them; pages
// and JSON, made per request, at a quality that costs a few milliseconds.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE_TYPE = /^(text\/|application\/json|image\/svg\+xml)/;
// Below this size the encoding's own framing eats most of the gain.
const MIN_BYTES = 1024;
const QUALITY = {
  static: { br: constants.BROTLI_MAX_QUALITY, gzip: constants.Z_BEST_COMPRESSION },
  dynamic: { br: 5, gzip: constants.Z_DEFAULT_COMPRESSION },
};

/** Compressed static files by encoding and path, with the bytes they were made from. */
const staticCache = new Map();

/** The content codings an Accept-Encoding header allows: each named one whose `q` is not 0. */
function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    const quality = params.find((param) => param.startsWith('q='));
    if (name && !(quality && Number(quality.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** `br`, `gzip` or undefined (send as is) for a request's Accept-Encoding header. */
export function chooseEncoding(header) {
  const accepted = acceptedEncodings(header);
  return ['br', 'gzip'].find((encoding) => accepted.has(encoding));
}

function compress(body, encoding, kind) {
  const quality = QUALITY[kind][encoding];
  if (encoding === 'gzip') return gzipSync(body, { level: quality });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

function compressStatic(body, encoding, path) {
  const key = `${encoding} ${path}`;
  const cached = staticCache.get(key);
  if (cached?.source.equals(body)) return cached.compressed;
  const compressed = compress(body, encoding, 'static');
  staticCache.set(key, { source: body, compressed });
  return compressed;
}

/**
 * Ends `res` with `body` (a Buffer), compressed when its Content-Type is text, it is large enough and the request
 * accepts br or gzip. A text answer always says `Vary: Accept-Encoding`, so a cache keeps one copy per coding.
 * `staticPath` names the file `body` was read from: its compressed forms are kept until the file changes.
 */
export function endCompressed(res, status, body, headers, staticPath) {
  const compressible = COMPRESSIBLE_TYPE.test(headers['Content-Type'] ?? '');
  const encoding = compressible && body.length >= MIN_BYTES ? chooseEncoding(res.req.headers['accept-encoding']) : undefined;
  let payload = body;
  if (encoding) payload = staticPath ? compressStatic(body, encoding, staticPath) : compress(body, encoding, 'dynamic');
  res.writeHead(status, {
    ...headers,
    ...(compressible && { Vary: 'Accept-Encoding' }),
    ...(encoding && { 'Content-Encoding': encoding }),
    ...(payload.length > 0 && { 'Content-Length': payload.length }),
  });
  res.end(payload);
}
