import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '@/utils/dom/decodeHtml';
import { hasAgendaDocuments, parseItemNumber, readAgenda } from '@/utils/radar/readAgenda';

// Every expectation below was read off the fixture's HTML by hand.

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

function pageOf(rel: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(decodeHtml(readFileSync(new URL(`../fixtures/${rel}`, import.meta.url))));
  return window.document as unknown as Document;
}

function agendaOf(rel: string, url: string) {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(decodeHtml(readFileSync(new URL(`../fixtures/${rel}`, import.meta.url))));
  const agenda = readAgenda(window.document as unknown as Document, url);
  if (!agenda) throw new Error(`no agenda read from ${rel}`);
  return agenda;
}

describe('parseItemNumber', () => {
  it.each([
    ['Ö 2.1', { number: '2.1', public: true }],
    ['Ö\u00a04.3', { number: '4.3', public: true }],
    ['N 12', { number: '12', public: false }],
    ['3.1 Nachtrag: 01.09.2026 *', { number: '3.1', public: undefined }],
    ['TOP 7a', { number: '7a', public: undefined }],
    ['10', { number: '10', public: undefined }],
  ])('%s', (text, expected) => {
    expect(parseItemNumber(text)).toEqual(expected);
  });

  it('keeps text it cannot read as a number whole', () => {
    expect(parseItemNumber('  Sondersitzung ')).toEqual({ number: 'Sondersitzung' });
  });
});

describe('SessionNet 6 meeting page (si0057, Düsseldorf)', () => {
  const base = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp?__ksinr=1';
  const agenda = agendaOf('pages/duesseldorf_sessionnet_si0057_sitzung.html', base);

  it('reads every item row in the page order', () => {
    expect(agenda.layout).toBe('sessionnet-si0057');
    expect(agenda.items.slice(0, 5).map((i) => i.number)).toEqual(['1', '2', '2.1', '2.2', '3']);
    expect(agenda.items.every((i) => i.row.tagName === 'TR')).toBe(true);
    expect(agenda.items.every((i) => i.titleCell.matches('td.tobetr'))).toBe(true);
  });

  it('takes the subject without the decision line', () => {
    const item = agenda.items.find((i) => i.number === '2.1');
    expect(item?.title).toBe(
      'Bericht über die Städtepartnerschaft mit Toulouse – Rückblick auf das Partnerschaftsjahr 2023',
    );
    expect(item?.public).toBe(true);
  });

  it('links each item to its Vorlage, and leaves items without one without', () => {
    const item = agenda.items.find((i) => i.number === '3');
    expect(item?.paperNumber).toBe('OB/152/2023');
    expect(item?.paperUrl).toBe('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=46052');
    const opening = agenda.items.find((i) => i.number === '1');
    expect(opening?.paperUrl).toBeUndefined();
    expect(opening?.title).toBe('Eröffnung der Sitzung und Feststellung der Tagesordnung');
  });
});

describe('SessionNet 4 agenda (to0040, Halle)', () => {
  const base = 'https://buergerinfo.halle.de/to0040.asp?__ksinr=21804';
  const agenda = agendaOf('ris/sessionnet/halle_to0040_tagesordnung-bildungsausschuss.html', base);

  it('reads the item rows, not the result rows or the group rows', () => {
    expect(agenda.layout).toBe('sessionnet-to0040');
    expect(agenda.items.map((i) => i.number)).toEqual(['1', '3.1', '4.1', '5.1', '10', '11']);
  });

  it('reads the number without the note of a late addition', () => {
    const item = agenda.items[1];
    expect(item?.number).toBe('3.1');
    expect(item?.title).toBe('Fragestellerin 1 zur Schulplatzzuweisung und zum Kindeswohl');
  });

  it('links the Vorlage and the files of the item', () => {
    const item = agenda.items.find((i) => i.number === '5.1');
    expect(item?.paperNumber).toBe('VIII/2026/02530');
    expect(item?.paperUrl).toBe('https://buergerinfo.halle.de/vo0050.asp?__kvonr=32100&voselect=21804');
    expect(item?.fileUrls).toEqual([
      'https://buergerinfo.halle.de/getfile.asp?id=340369&type=do&',
      'https://buergerinfo.halle.de/getfile.asp?id=340371&type=do&',
    ]);
    expect(item?.title).toBe(
      'Neufassung der Benutzungs- und Entgeltordnung für das kommunale Schülerwohnheim der Stadt Halle (Saale)',
    );
  });

  it('shows items without a document as such', () => {
    const item = agenda.items.find((i) => i.number === '4.1');
    expect(item?.paperUrl).toBeUndefined();
    expect(item?.fileUrls).toEqual([]);
  });
});

describe('ALLRIS 3 agendas (to010)', () => {
  it('Regensburg (ISO-8859-1): numbers, subjects, Vorlagen', () => {
    const base = 'https://ratsinfo.regensburg.de/bi/to010.asp?SILFDNR=2667';
    const agenda = agendaOf('ris/allris3/regensburg_to010_tagesordnung-stadtplanung.html', base);
    expect(agenda.layout).toBe('allris-to010');
    expect(agenda.items.map((i) => i.number)).toEqual(['1', '2', '3', '5']);
    expect(agenda.items.every((i) => i.public === true)).toBe(true);
    expect(agenda.items[0]?.title).toBe('Eröffnung der Sitzung');
    expect(agenda.items[0]?.paperUrl).toBeUndefined();
    const item = agenda.items[2];
    expect(item?.title).toBe(
      'Förderprojekt "Klimaanpassung in Regensburg - Resilienz erfahrbar machen" (KlaR) - Abschlussbericht',
    );
    expect(item?.paperNumber).toBe('VO/26/23343/D2');
    expect(item?.paperUrl).toBe('https://ratsinfo.regensburg.de/bi/vo020.asp?VOLFDNR=22820');
  });

  it('Wandsbek: a grouping item without a link keeps its subject', () => {
    const base = 'https://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp?SILFDNR=1003545';
    const agenda = agendaOf('ris/allris3/wandsbek_to010_tagesordnung-hauptausschuss.html', base);
    expect(agenda.items.slice(0, 5).map((i) => i.number)).toEqual(['1', '2', '3', '4', '4.1']);
    const group = agenda.items[3];
    expect(group?.title).toBe('Eingaben');
    expect(group?.paperUrl).toBeUndefined();
    const first = agenda.items[4];
    expect(first?.title).toBe(
      'Antrag auf sichere Querungsmöglichkeit für Kinder an der Kreuzung Schneehuhnkamp/Nydamer Weg Eingabe',
    );
    expect(first?.paperNumber).toBe('22-2375');
    expect(first?.paperUrl).toBe('https://sitzungsdienst-wandsbek.hamburg.de/bi/vo020.asp?VOLFDNR=1023800');
  });
});

describe('pages that are no agenda', () => {
  it('returns undefined for a Vorlage page', () => {
    const window = new Window({ url: 'https://x.example/vo0050.asp' });
    windows.push(window);
    window.document.write(
      decodeHtml(
        readFileSync(
          new URL('../fixtures/ris/sessionnet/eschweiler_vo0050_vorlage-mit-wordtext.html', import.meta.url),
        ),
      ),
    );
    expect(readAgenda(window.document as unknown as Document, 'https://x.example/vo0050.asp')).toBeUndefined();
  });
});

// The content script's question on a meeting page, asked without reading the agenda: the same answer as reading it.
describe('hasAgendaDocuments', () => {
  const pages: [string, string, boolean][] = [
    [
      'pages/duesseldorf_sessionnet_si0057_sitzung.html',
      'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp',
      true,
    ],
    [
      'ris/sessionnet/halle_to0040_tagesordnung-bildungsausschuss.html',
      'https://buergerinfo.halle.de/to0040.asp',
      true,
    ],
    [
      'ris/allris3/regensburg_to010_tagesordnung-stadtplanung.html',
      'https://ratsinfo.regensburg.de/bi/to010.asp',
      true,
    ],
    [
      'ris/allris3/wandsbek_to010_tagesordnung-hauptausschuss.html',
      'https://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp',
      true,
    ],
    ['ris/sessionnet/eschweiler_vo0050_vorlage-mit-wordtext.html', 'https://x.example/vo0050.asp', false],
  ];
  for (const [rel, url, expected] of pages)
    it(`${rel.split('/').pop()}: ${expected ? 'an agenda with documents' : 'no agenda'}`, () => {
      const doc = pageOf(rel, url);
      expect(hasAgendaDocuments(doc, url)).toBe(expected);
      const agenda = readAgenda(doc, url);
      expect(agenda?.items.some((i) => i.paperUrl || i.fileUrls.length > 0) ?? false).toBe(expected);
    });

  it('an agenda whose items link no document is none for the radar', () => {
    const doc = pageOf(
      'ris/sessionnet/halle_to0040_tagesordnung-bildungsausschuss.html',
      'https://buergerinfo.halle.de/to0040.asp',
    );
    for (const a of doc.querySelectorAll('a')) a.remove();
    expect(hasAgendaDocuments(doc, 'https://buergerinfo.halle.de/to0040.asp')).toBe(false);
    expect(readAgenda(doc, 'https://buergerinfo.halle.de/to0040.asp')?.items.length).toBeGreaterThan(0);
  });
});
