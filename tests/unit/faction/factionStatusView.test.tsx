// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FactionStatusView } from '@/components/options/FactionSection';

describe('the faction status in the options', () => {
  // The message key and its values stand in for the message: the test is about which message is shown.
  beforeAll(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) =>
      [key, ...(subs ?? [])].join(' ')) as typeof fakeBrowser.i18n.getMessage;
  });
  const view = (status: Parameters<typeof FactionStatusView>[0]['status']) => {
    const host = document.createElement('div');
    render(<FactionStatusView status={status} />, host);
    return host;
  };

  it('says who is connected where, and what the last sync did', () => {
    const host = view({
      server: 'https://couch.example.de',
      database: 'fraktion',
      login: 'anna',
      user: 'anna',
      lastSync: '2026-11-30T08:00:00.000Z',
      health: { failures: 0 },
      last: { queued: 1, sent: 1, received: 2, conflicts: 0 },
    });
    expect(host.textContent).toContain('factionConnectedAs anna fraktion https://couch.example.de');
    expect(host.textContent).toContain('factionLastResult 1 2');
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('after a refused login names the login and the reason, and does not call it connected', () => {
    const host = view({
      server: 'https://couch.example.de',
      database: 'fraktion',
      login: 'bernd',
      health: { failures: 1, lastReason: 'unauthorized' },
      error: { reason: 'unauthorized', params: [] },
    });
    expect(host.textContent).not.toContain('factionConnectedAs');
    expect(host.textContent).toContain('factionConfigured bernd fraktion');
    expect(host.textContent).toContain('factionNeverSynced');
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('factionErrUnauthorized');
  });

  it('says in plain words which changes the server refused, and why', () => {
    const host = view({
      server: 'https://couch.example.de',
      database: 'fraktion',
      login: 'bernd',
      user: 'bernd',
      lastSync: '2026-11-30T08:00:00.000Z',
      health: { failures: 0 },
      last: { queued: 2, sent: 0, received: 0, conflicts: 0 },
      refused: {
        at: '2026-11-30T08:00:00.000Z',
        notes: [
          { noteId: 'n1', reason: 'Only its author deletes a shared note.' },
          { noteId: 'n2', reason: 'Only its author deletes a shared note.' },
          { noteId: 'n3', reason: 'Nur montags.' },
        ],
      },
    });
    const refused = host.querySelector('[data-testid="faction-refused"]')?.textContent ?? '';
    expect(refused).toMatch(/^factionRefused \S.* 3 /);
    // Each reason once: the design document's in the reader's words, another server's quoted.
    expect(refused.match(/factionRefusedDelete/g)).toHaveLength(1);
    expect(refused).toContain('factionRefusedOther Nur montags.');
    expect(refused).not.toContain('Only its author');
    // Not a failure of the sync: the status stays "connected".
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.textContent).toContain('factionConnectedAs bernd');
  });

  it('says when nothing is connected', () => {
    expect(view(null).textContent).toBe('factionNotConnected');
  });
});
