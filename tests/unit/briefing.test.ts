import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import { formatMessage } from '@/utils/i18n/messages';
import type { Note } from '@/utils/notes/types';
import { type BriefingItem, briefingMarkdown } from '@/utils/radar/briefing';

const note = (text: string, exact?: string): Note => ({
  id: text,
  document: { key: 'k', site: 's', url: 'https://r.example/vo0050.asp?__kvonr=1' },
  documentKey: 'k',
  target: exact
    ? {
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      }
    : undefined,
  measureIds: [],
  text,
  tags: [],
  created: '2026-11-01T00:00:00Z',
  updated: '2026-11-01T00:00:00Z',
  terms: [],
});

const items: BriefingItem[] = [
  { number: '1', title: 'Eröffnung der Sitzung', state: 'none', matches: [], notes: [] },
  {
    number: '2.1',
    title: 'Bericht über die Städtepartnerschaft mit Toulouse',
    paperNumber: 'OB/141/2023',
    paperUrl: 'https://r.example/vo0050.asp?__kvonr=46011',
    state: 'checked',
    matches: [
      {
        measureId: 'KW21-7',
        reference: 'KW21, Z. 7–8',
        label: 'Städtefreundschaft mit Toulouse',
        passages: [{ quote: 'Der Austausch mit\nToulouse wird verstetigt.', page: 2 }],
      },
    ],
    notes: [note('Im Ausschuss nachfragen: *Kosten*?', 'Austausch mit Toulouse')],
  },
  { number: '3', title: 'Haushalt', paperNumber: 'KÄM/071/2023', state: 'checked', matches: [], notes: [] },
  { number: '4', title: 'Kaputt', paperNumber: 'X/1', state: 'failed', failure: 'notPdf', matches: [], notes: [] },
];

const md = briefingMarkdown(
  { title: 'Rat – 07.12.2023', url: 'https://r.example/si0057.asp', made: '2026-11-30T10:00:00Z' },
  items,
  (key, params) => formatMessage(key, params),
);

describe('briefingMarkdown', () => {
  it('heads the briefing with the meeting and how many items touch the resolutions', () => {
    expect(md.split('\n')[0]).toBe('# Sitzungsvorbereitung: Rat – 07.12.2023');
    expect(md).toContain('1 von 4 Tagesordnungspunkten berühren die aktiven Beschlüsse · erstellt am 2026-11-30');
  });

  it('lists every item in agenda order with its number, title and document', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## TOP 1: Eröffnung der Sitzung',
      '## TOP 2.1: Bericht über die Städtepartnerschaft mit Toulouse ([OB/141/2023](https://r.example/vo0050.asp?__kvonr=46011))',
      '## TOP 3: Haushalt (KÄM/071/2023)',
      '## TOP 4: Kaputt (X/1)',
    ]);
  });

  it('quotes the matched passages under their measure, with the page of a PDF', () => {
    expect(md).toContain(
      '### KW21, Z. 7–8 – Städtefreundschaft mit Toulouse\n\n> Der Austausch mit Toulouse wird verstetigt. (Seite 2)',
    );
  });

  it('holds the reader’s notes, escaped so their text stays text', () => {
    expect(md).toContain('**Eigene Notizen**\n\n- „Austausch mit Toulouse“: Im Ausschuss nachfragen: \\*Kosten\\*?');
  });

  it('says why an item is empty: no document, nothing touched, or not checked and why', () => {
    expect(md).toContain('*Keine Vorlage zu diesem Punkt.*');
    expect(md).toContain('*Berührt keinen aktiven Beschluss.*');
    expect(md).toContain('*Nicht geprüft: Statt einer PDF-Datei kam etwas anderes zurück (etwa eine Anmeldeseite).*');
  });

  it('speaks English with the English catalogue', () => {
    const english = briefingMarkdown(
      { title: 'Council', url: 'https://r.example/', made: '2026-11-30' },
      items,
      (key, params) => formatMessage(key, params, en as Parameters<typeof formatMessage>[2]),
    );
    expect(english).toContain('# Meeting briefing: Council');
    expect(english).toContain('1 of 4 agenda items touch the active resolutions');
    expect(english).toContain('## Item 2.1');
  });
});
