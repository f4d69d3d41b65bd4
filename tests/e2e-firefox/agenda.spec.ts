import { expect, test } from 'vitest';
import { DUS } from '../e2e/expectations';
import { firefoxForSuite, waitFor } from './firefox';

const firefox = firefoxForSuite();

// The Düsseldorf meeting (tests/fixtures/pages/duesseldorf_sessionnet_si0057_sitzung.html): its agenda gets the
// small agenda script, which has the background page bring the meeting radar; the radar reads the items'
// documents off the page and marks their rows (the test contract is on in this suite).
test('on a meeting’s agenda the radar reads the documents and marks the rows that touch the resolution', async () => {
  const page = await firefox().openPage(`${DUS}/si0057.asp?__ksinr=7412`);
  await waitFor(
    () => page.evaluate(() => document.querySelector('[data-ratsmarker-ui="radar"]') !== null),
    'the radar panel above the agenda',
  );
  await waitFor(
    () => page.evaluate(() => document.querySelectorAll('tr[data-ratsmarker-measures]').length > 0),
    'a row marked with the measures its documents touch',
  );
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll('tr[data-ratsmarker-measures]')].map((r) =>
      r.getAttribute('data-ratsmarker-measures'),
    ),
  );
  expect(marks.join(' ')).toMatch(/KW21-\d+/);
  // The agenda's PDF links have their „In Ratsmarker öffnen“ buttons.
  await waitFor(
    () => page.evaluate(() => document.querySelectorAll('[data-ratsmarker-ui="pdf"]').length > 0),
    'the PDF buttons',
  );
  await page.close();
});
