// Validation of the pixel's form fields (docs/pixel.md).

const FIELD_NAME = /^[\w.-]{1,64}$/;
const EVENT_NAME = /^[A-Za-z][\w.:-]{0,63}$/;
const MAX_FIELDS = 40;

/**
 * Turns the pixel's form-encoded fields into a plain object, or returns an error message:
 * every field once, sane names, an event name, a parseable time, and an `ad` id for `ad_view`.
 */
export function parsePixelFields(params) {
  const fields = {};
  let count = 0;
  for (const [name, value] of params) {
    if (++count > MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
    if (!FIELD_NAME.test(name)) return `bad field name "${name.slice(0, 64)}"`;
    if (Object.hasOwn(fields, name)) return `field "${name}" given twice`;
    fields[name] = value;
  }
  if (!EVENT_NAME.test(fields.event ?? '')) return 'missing or bad "event"';
  if (fields.time !== undefined && Number.isNaN(Date.parse(fields.time))) return 'bad "time"';
  if (fields.event === 'ad_view' && !fields.ad) return '"ad_view" without "ad"';
  return fields;
}
