import { browser } from 'wxt/browser';
import { RadarCacheDB } from '@/utils/radar/radarCache';
import { type RadarPort, serveRadar } from './radarHost';
import { type HostSetup, RADAR_HOST_PORT } from './radarProtocol';

/**
 * The offscreen document's whole work: serve each radar port the background
 * opens. The first message on a port is the background's setup with the
 * packs (an offscreen document has no storage of its own to read them from);
 * a `packs` message later says the reader switched packs.
 */
export function startRadarHost(): void {
  const cache = new RadarCacheDB();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RADAR_HOST_PORT || port.sender?.id !== browser.runtime.id) return;
    let served: ReturnType<typeof serveRadar> | undefined;
    port.onMessage.addListener((message: unknown) => {
      const setup = message as Partial<HostSetup>;
      if (!setup?.active || !Array.isArray(setup.active.specs)) return;
      if (setup.type === 'setup' && !served) served = serveRadar(port as unknown as RadarPort, setup.active, cache);
      else if (setup.type === 'packs') served?.setPacks(setup.active);
    });
  });
}
