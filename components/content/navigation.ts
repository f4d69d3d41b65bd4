import type { PassageEntry } from './passageEntry';
import { stepIndex } from './stepIndex';

/** Moving between matched passages by keyboard, popup and side panel (web pages and PDFs alike). */
export function createNavigation(inOrder: () => readonly PassageEntry[]) {
  const focus = (e: PassageEntry | undefined) => {
    if (!e) return false;
    e.host.scrollIntoView({ block: 'center' });
    e.button.focus();
    return true;
  };
  return {
    showMeasure: (id: string) => focus(inOrder().find((e) => e.matches.some((m) => m.id === id))),
    showPassage: (index: number) => focus(inOrder()[index]),
    /** Moves the focus to the next or previous badge, from the one focused (or the start). */
    stepMatch(direction: 1 | -1): boolean {
      const order = inOrder();
      if (order.length === 0) return false;
      // The badge's shadow root is closed: ask the button itself whether it has the focus.
      const current = order.findIndex((e) => e.button.matches(':focus'));
      return focus(order[stepIndex(current, order.length, direction)]);
    },
  };
}
