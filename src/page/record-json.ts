// Runs in the page's MAIN world. JSON text of the hook's own records.
// JSON.stringify on an object looks up `toJSON` on it and on every nested
// object and array, which reaches a page's Object.prototype.toJSON or
// Array.prototype.toJSON (prototype.js defines one): the page would see it
// called, and our records would come out changed. Records are plain trees of
// the hook's own making, so walking them by hand is exact; leaves go through
// the captured JSON.stringify, which looks up nothing on a primitive.

import type { Primordials } from './primordials';

export function recordJson(value: unknown, p: Primordials): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return p.stringify(value);
    case 'number':
      return p.isFinite(value) ? p.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return 'null';
  }
  let out = '';
  if (p.isArray(value)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + recordJson(items[i], p);
    return `[${out}]`;
  }
  const fields = value as Record<string, unknown>;
  const names = p.keys(fields);
  for (let i = 0; i < names.length; i++) {
    const field = fields[names[i]!];
    if (field === undefined || typeof field === 'function') continue;
    out += (out === '' ? '' : ',') + p.stringify(names[i]!) + ':' + recordJson(field, p);
  }
  return `{${out}}`;
}
