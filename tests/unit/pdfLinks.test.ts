import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { isPdfLink, isPdfUrl, pdfLinksOf } from '@/utils/detect/pdfLinks';

const fixture = (path: string, url: string) => {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'latin1'));
  return window.document as unknown as Document;
};

describe('links to council PDFs', () => {
  it('knows the download addresses of SessionNet and ALLRIS', () => {
    for (const u of [
      'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do',
      'https://rat.eschweiler.de/bi/getfile.php?id=100958&type=do',
      'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/do027.asp?DOLFDNR=1234',
      'https://ratsinfo.laatzen.de/public/doc?DOLFDNR=1006716',
      'https://ratsinfo.laatzen.de/wicket/resource/org.apache.wicket.Application/doc1006716.pdf',
      'https://www.stadt.example/files/Antrag%2012.PDF',
    ])
      expect(isPdfUrl(new URL(u)), u).toBe(true);
    for (const u of [
      'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=1',
      'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp',
      'https://www.stadt.example/pdf-hilfe.html',
      'mailto:rat@stadt.example',
    ])
      expect(isPdfUrl(new URL(u)), u).toBe(false);
  });

  it('reads an address with a Latin-1 escape without throwing', () => {
    // Older council servers write umlauts in Latin-1 (%E4 = ä): not valid UTF-8 escapes.
    expect(isPdfUrl(new URL('https://rat.example/files/Antrag%20M%E4rz.pdf'))).toBe(true);
    expect(isPdfUrl(new URL('https://rat.example/seiten/%E4nderung.html'))).toBe(false);
    expect(isPdfUrl(new URL('https://rat.example/bi/getfile.asp?id=3&name=%E4'))).toBe(true);
    expect(isPdfLink({ href: 'Beschlu%DF.pdf' }, 'https://rat.example/bi/vo0050.asp')).toBe(true);
    const doc = new Window().document as unknown as Document;
    doc.body.innerHTML = '<a href="/files/%C4nderungsantrag.pdf">Änderungsantrag</a><a href="/x/%E4.html">x</a>';
    expect(pdfLinksOf(doc, 'https://rat.example/').map((l) => l.url)).toEqual([
      'https://rat.example/files/%C4nderungsantrag.pdf',
    ]);
  });

  it('takes a file type the link states over its address', () => {
    const base = 'https://rat.example/bi/vo0050.asp';
    expect(isPdfLink({ href: 'getfile.asp?id=1&type=do', hints: 'Dokument Download Dateityp: pdf' }, base)).toBe(true);
    expect(isPdfLink({ href: 'getfile.asp?id=1&type=do', hints: 'Dokument Download Dateityp: docx' }, base)).toBe(
      false,
    );
    expect(isPdfLink({ href: 'download?id=7', type: 'application/pdf' }, base)).toBe(true);
    expect(isPdfLink({ href: 'javascript:void(0)', hints: 'pdf' }, base)).toBe(false);
  });

  it('finds each document of a SessionNet page once, by its text link', () => {
    const sn = fixture(
      'ris/sessionnet/luedenscheid_vo0050_beschlussvorlage-pdf-only.html',
      'https://buergerinfo.luedenscheid.de/vo0050.asp?__kvonr=2636',
    );
    const links = pdfLinksOf(sn, 'https://buergerinfo.luedenscheid.de/vo0050.asp?__kvonr=2636');
    expect(links.map((l) => l.url)).toEqual([
      'https://buergerinfo.luedenscheid.de/getfile.asp?id=38966&type=do',
      'https://buergerinfo.luedenscheid.de/getfile.asp?id=39258&type=do',
    ]);
    expect(links.every((l) => l.element.textContent?.trim())).toBe(true);
  });

  it('turns the document forms of ALLRIS 3 into addresses', () => {
    const base = 'https://sitzungsdienst-altona.hamburg.de/bi/vo020.asp?VOLFDNR=1012345';
    const links = pdfLinksOf(fixture('ris/allris3/altona_vo020_beschlussempfehlung.html', base), base);
    expect(links.map((l) => l.url)).toContain(
      'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1543908&options=64',
    );
    expect(links.every((l) => l.url.includes('do027.asp') || l.url.endsWith('.pdf'))).toBe(true);
  });

  it('finds the PDFs of an ALLRIS 4 page and none on a page without', () => {
    const base = 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238';
    const links = pdfLinksOf(fixture('ris/allris4/laatzen_vo020_antrag.html', base), base);
    expect(links.map((l) => l.element.textContent?.trim())).toEqual([
      expect.stringMatching(/^Vorlage/),
      expect.stringMatching(/^Sammeldokument/),
    ]);
    const blog = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/blog/vo0050.asp';
    expect(pdfLinksOf(fixture('pages/not-a-council-page.html', blog), blog)).toEqual([]);
  });
});
