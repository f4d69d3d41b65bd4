import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { headingFacts } from '@/utils/detect/headingNumber';
import { readCouncilPage } from '@/utils/detect/readCouncilPage';

// Pages written for this test: the heading is the only place that names the document.
const windows: Window[] = [];
afterAll(() => Promise.all(windows.map((w) => w.happyDOM.close())));
function page(html: string): Document {
  const window = new Window({ url: 'http://localhost/', settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(`<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">${html}`);
  return window.document as unknown as Document;
}
const TEXT = '<p>Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse zu stärken.</p>';

describe('document number from the page heading, where no cell names it', () => {
  it('ALLRIS 3: "NUMBER - Kind"', () => {
    const doc = page(
      `<title>ALLRIS net</title></head><body><div id="allriscontainer"><h1>23-1862 - Antrag&nbsp;&nbsp;</h1><table><tr><td>Betreff:</td><td>Rattenplage am Hafen</td></tr></table><a name="allrisBV"></a>${TEXT}</div></body></html>`,
    );
    expect(readCouncilPage(doc).document).toMatchObject({ system: 'allris', number: '23-1862', kind: 'Antrag' });
  });

  it('ALLRIS 4: "Kind - NUMBER" and "NUMBER - Kind"', () => {
    for (const h1 of ['Antrag - 2026/245', '2026/245 - Antrag']) {
      const doc = page(
        `<title>Ratsinfo</title></head><body><h1 class="title">${h1}</h1><div class="docPart">${TEXT}</div></body></html>`,
      );
      expect(readCouncilPage(doc).document, h1).toMatchObject({ system: 'allris', number: '2026/245', kind: 'Antrag' });
    }
  });

  it('SessionNet: "Vorlage - NUMBER", and a kind, number and title in one heading', () => {
    const sn = (h1: string) =>
      page(
        `<title>SessionNet | Vorlage</title></head><body id="smc_body"><h1 class="smc_h1">${h1}</h1><div class="smcdocmsword">${TEXT}</div></body></html>`,
      );
    expect(readCouncilPage(sn('Vorlage - VO/2024/0815')).document).toMatchObject({
      system: 'sessionnet',
      number: 'VO/2024/0815',
      kind: 'Vorlage',
    });
    const d = readCouncilPage(sn('Beschlussvorlage 0123/2024: Sanierung der Sporthalle Benrath')).document;
    expect(d).toMatchObject({
      number: '0123/2024',
      kind: 'Beschlussvorlage',
      title: 'Sanierung der Sporthalle Benrath',
    });
  });

  it('a page of no known system: "Drucksache Nr. NUMBER – Title"', () => {
    const doc = page(
      `<title>Ratsinformation</title></head><body><h1>Drucksache Nr. 21/1234 – Radwege im Stadtteil Nord</h1>${TEXT}</body></html>`,
    );
    expect(readCouncilPage(doc).document).toMatchObject({
      number: '21/1234',
      kind: 'Drucksache',
      title: 'Radwege im Stadtteil Nord',
    });
  });

  it('takes a number cell over the heading, and no date, time, year or title word for a number', () => {
    const doc = page(
      `<title>SessionNet</title></head><body id="smc_body"><h1 class="smc_h1">Vorlage - VO/2024/0815</h1><table><tr><td>Vorlage</td><td>VO/2024/0999</td></tr></table><div class="smcdocmsword">${TEXT}</div></body></html>`,
    );
    expect(readCouncilPage(doc).document.number).toBe('VO/2024/0999');
    for (const h of [
      'Rat - 07.12.2023 - 14:00 Uhr',
      'Stellenplan für das Haushaltsjahr 2012',
      'Tagesordnung - Sitzung des Hauptausschusses',
      'Bericht 2024',
      'Antrag - Tempo 30 vor Schulen',
    ])
      expect(headingFacts(h).number, h).toBeUndefined();
  });
});
