import { browser } from 'wxt/browser';
import { RadarCacheDB } from '@/utils/radar/radarCache';
import type { ActivePackSpecs } from '../packs';
import { type RadarPort, serveRadar } from './radarHost';
import { RADAR_HOST_PORT } from './radarProtocol';

/**
 * The offscreen document's whole work: serve each radar port the background
 * opens. The first message on a port is the background's setup with the
 * packs (an offscreen document has no storage of its own to read them from).
 */
export function startRadarHost(): void {
  const cache = new RadarCacheDB();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RADAR_HOST_PORT || port.sender?.id !== browser.runtime.id) return;
    let served = false;
    port.onMessage.addListener((message: unknown) => {
      const setup = message as { type?: string; active?: ActivePackSpecs };
      if (served || setup?.type !== 'setup' || !setup.active || !Array.isArray(setup.active.specs)) return;
      served = true;
      serveRadar(port as unknown as RadarPort, setup.active, cache);
    });
  });
}
