// Skips re-rendering a component while `equal(prev, next)` holds. A small
// stand-in for preact/compat's memo, without compat's global event rewrites.
// Context consumers inside still update when the context changes.

import { Component, h, type FunctionComponent } from 'preact';

export function memoized<P extends object>(inner: FunctionComponent<P>, equal: (prev: P, next: P) => boolean) {
  return class Memoized extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !equal(this.props as P, next);
    }
    override render() {
      return h(inner, this.props as P);
    }
  };
}
