// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActivePackSpecs } from '@/components/activeSpecs';
import { useActivePacks } from '@/components/useActivePacks';

// The popup shows the packs' measures only: it must not load the compiler with the built-in pack's matcher
// (a 354 kB script it fetched and parsed on every open).
vi.mock('@/components/packs', () => {
  throw new Error('the popup loaded the compiler');
});
const asked = vi.hoisted(() => vi.fn());
vi.mock('@/components/messages', () => ({ sendMessage: asked }));

const specs = (name: string): ActivePackSpecs =>
  ({
    specs: [{ pack: { id: 'kw21', name, measures: [] }, colour: 0 }],
    threshold: 0.5,
    damaged: [],
  }) as unknown as ActivePackSpecs;

function Names() {
  const packs = useActivePacks();
  return <p>{packs.value?.map((p) => p.name).join(', ') ?? '…'}</p>;
}

describe('the packs an extension page shows', () => {
  afterEach(() => {
    fakeBrowser.reset();
    asked.mockReset();
  });

  const shown = async () => {
    const host = document.createElement('div');
    render(<Names />, host);
    await vi.waitFor(() => expect(host.textContent).not.toBe('…'));
    return host.textContent;
  };

  it('are read from the background’s snapshot as they stand', async () => {
    await fakeBrowser.storage.local.set({ activeSpecs: specs('Internationale Zusammenarbeit') });
    expect(await shown()).toBe('Internationale Zusammenarbeit');
    expect(asked).not.toHaveBeenCalled();
  });

  it('come from the background when it has written no snapshot yet', async () => {
    asked.mockResolvedValue(specs('KW21'));
    expect(await shown()).toBe('KW21');
    expect(asked).toHaveBeenCalledWith('activePacks', undefined);
  });
});
