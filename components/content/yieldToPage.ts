/**
 * Gives the page a turn: scheduler.yield where the browser has it, a
 * message-channel task otherwise (setTimeout would wait at least 4 ms once
 * nested, which adds up over hundreds of slices).
 */
export async function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
