// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { inDocumentOrder } from '@/components/content/pageOrder';

describe('badges in the order they stand on the page', () => {
  const page = (count: number) => {
    document.body.innerHTML = '';
    return Array.from({ length: count }, (_, i) => {
      const p = document.createElement('p');
      p.id = `p${i}`;
      document.body.append(p);
      return { id: i, host: p };
    });
  };

  it('puts badges made out of reading order in page order, in place', () => {
    const entries = page(6);
    const shuffled = [entries[3], entries[0], entries[5], entries[1], entries[4], entries[2]] as typeof entries;
    expect(inDocumentOrder(shuffled, (e) => e.host).map((e) => e.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shuffled.map((e) => e.id)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('compares only neighbours when the badges are already in order (a long page’s sort took 185 ms)', () => {
    const entries = page(50);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const order = inDocumentOrder(entries, (e) => e.host);
    expect(order.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(order).not.toBe(entries);
    expect(compare).toHaveBeenCalledTimes(49);
    compare.mockRestore();
  });
});
