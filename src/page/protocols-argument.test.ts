import { describe, expect, it } from 'vitest';
import type { Natives } from './natives';
import { capturePrimordials } from './primordials';
import { protocolsArgument } from './protocols-argument';

const n = capturePrimordials(globalThis) as unknown as Natives;

/**
 * What a browser does with the `protocols` argument, step by step (WebIDL:
 * `(DOMString or sequence<DOMString>)`), in Chromium's order: it reads a
 * step's `value` before its `done`.
 */
function convertLikeTheNative(value: unknown): string[] {
  if (value === undefined) return [];
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return [String(value)];
  const method = (value as Record<symbol, unknown>)[Symbol.iterator];
  if (method === undefined || method === null) return [`${value as unknown as string}`];
  const iterator = (method as () => object).call(value) as Record<string, unknown>;
  const next = iterator.next as () => { done: unknown; value: unknown };
  const out: string[] = [];
  for (;;) {
    const step = next.call(iterator);
    const item = step.value;
    if (step.done) return out;
    out.push(`${item as string}`);
  }
}

/** A value whose every observable step is logged, built fresh for each run. */
function logged(kind: string, log: string[]): unknown {
  const element = (text: string) => ({ toString: () => (log.push(`toString ${text}`), text) });
  switch (kind) {
    case 'array':
      return ['chat', element('echo')];
    case 'getter array': {
      const a = ['chat'];
      Object.defineProperty(a, 1, { get: () => (log.push('get 1'), 'echo'), enumerable: true });
      return a;
    }
    case 'proxy':
      return new Proxy(['a', 'b'], { get: (t, k, r) => (log.push(`get ${String(k)}`), Reflect.get(t, k, r)) });
    case 'iterable':
      return {
        get [Symbol.iterator]() {
          log.push('get @@iterator');
          return function* () {
            log.push('start');
            yield 'x';
            yield element('y');
          };
        },
      };
    case 'to primitive':
      return { [Symbol.toPrimitive]: (hint: string) => (log.push(`toPrimitive ${hint}`), 'p') };
    case 'toString':
      return { toString: () => (log.push('toString'), {}), valueOf: () => (log.push('valueOf'), 'v') };
    default:
      return kind;
  }
}

describe('protocolsArgument', () => {
  it.each(['array', 'getter array', 'proxy', 'iterable', 'to primitive', 'toString', 'plain string'])(
    'a native converting the stand-in runs the page code a direct conversion runs (%s)',
    (kind) => {
      const direct: string[] = [];
      const expected = convertLikeTheNative(logged(kind, direct));
      const through: string[] = [];
      const { arg, requested } = protocolsArgument(logged(kind, through), n);
      expect(through).toEqual([]); // nothing runs before the native asks
      expect(convertLikeTheNative(arg)).toEqual(expected);
      expect(through).toEqual(direct);
      // Objects are noted only where they convert without page code: primitives.
      expect(requested.every((r) => expected.includes(r))).toBe(true);
    },
  );

  it('notes primitive protocols as the page asked for them', () => {
    expect(protocolsArgument(['graphql-transport-ws', 'chat'], n).requested).toEqual([]);
    const { arg, requested } = protocolsArgument(['graphql-transport-ws', 'chat'], n);
    convertLikeTheNative(arg);
    expect(requested).toEqual(['graphql-transport-ws', 'chat']);
    expect(protocolsArgument('echo', n)).toEqual({ arg: 'echo', requested: ['echo'] });
    expect(protocolsArgument(undefined, n)).toEqual({ arg: undefined, requested: [] });
  });

  it('passes the very same exception through', () => {
    const boom = new Error('boom');
    const { arg } = protocolsArgument({ [Symbol.iterator]: () => { throw boom; } }, n);
    expect(() => convertLikeTheNative(arg)).toThrow(boom);
  });
});
