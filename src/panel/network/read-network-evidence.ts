// Guard for network evidence read back from an imported file: a checked copy,
// or null. Files are untrusted like page data.

import type { NetworkEvidence } from './types';

const MAX_TEXT = 2048;
const MAX_ERRORS = 64;
const MAX_HEADERS = 16;

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function headers(value: unknown): Record<string, string> | undefined | null {
  if (value === undefined) return undefined;
  const o = asObj(value);
  if (!o) return null;
  const entries = Object.entries(o);
  if (entries.length > MAX_HEADERS) return null;
  const result: Record<string, string> = {};
  for (const [name, text] of entries) {
    if (typeof text !== 'string' || name.length > 256 || text.length > MAX_TEXT || name === '__proto__') return null;
    result[name] = text;
  }
  return result;
}

export function readNetworkEvidence(value: unknown): NetworkEvidence | null {
  const o = asObj(value);
  if (!o || o.source !== 'har') return null;
  const { status, frames, errors, statusText } = o;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 999) return null;
  if (typeof frames !== 'number' || !Number.isInteger(frames) || frames < 0) return null;
  if (!Array.isArray(errors) || errors.length > MAX_ERRORS) return null;
  if (!errors.every((e): e is string => typeof e === 'string' && e.length <= MAX_TEXT)) return null;
  if (statusText !== undefined && (typeof statusText !== 'string' || statusText.length > MAX_TEXT)) return null;
  const requestHeaders = headers(o.requestHeaders);
  const responseHeaders = headers(o.responseHeaders);
  if (requestHeaders === null || responseHeaders === null) return null;
  const evidence: NetworkEvidence = { source: 'har', status, errors: [...errors], frames };
  if (typeof statusText === 'string') evidence.statusText = statusText;
  if (requestHeaders) evidence.requestHeaders = requestHeaders;
  if (responseHeaders) evidence.responseHeaders = responseHeaders;
  return evidence;
}
