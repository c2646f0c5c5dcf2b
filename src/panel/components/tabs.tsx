// A tab strip (WAI-ARIA tabs pattern): arrow keys move between tabs.

import type { ComponentChildren } from 'preact';

export interface TabItem<T extends string> {
  id: T;
  label: ComponentChildren;
  disabled?: boolean;
  testId?: string;
}

export interface TabsProps<T extends string> {
  items: TabItem<T>[];
  selected: T;
  onSelect(id: T): void;
  label: string;
  idPrefix: string;
  class?: string;
}

export function Tabs<T extends string>({ items, selected, onSelect, label, idPrefix, class: cls }: TabsProps<T>) {
  const enabled = items.filter((i) => !i.disabled);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = enabled.findIndex((i) => i.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (at + 1) % enabled.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + enabled.length) % enabled.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = enabled.length - 1;
    if (next < 0 || !enabled[next]) return;
    e.preventDefault();
    onSelect(enabled[next]!.id);
    const target = (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${idPrefix}-${enabled[next]!.id}`);
    target?.focus();
  };
  return (
    <div class={`tabs ${cls ?? ''}`} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id}
          id={`${idPrefix}-${item.id}`}
          type="button"
          role="tab"
          class="tab"
          aria-selected={item.id === selected}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={item.id === selected ? 0 : -1}
          disabled={item.disabled}
          data-testid={item.testId}
          onClick={() => onSelect(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
