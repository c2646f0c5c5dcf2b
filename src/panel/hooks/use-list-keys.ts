// Arrow keys (and Home/End) move focus between the items of a list.

export function useListKeys(itemSelector: string): (e: KeyboardEvent) => void {
  return (e) => {
    const list = e.currentTarget as HTMLElement;
    const items = [...list.querySelectorAll<HTMLElement>(itemSelector)];
    if (items.length === 0) return;
    const at = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0) return;
    e.preventDefault();
    items[next]!.focus();
  };
}
