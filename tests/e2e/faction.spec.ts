import { startTestCouch, type TestCouch } from '../unit/faction/server';
import { extensionWithServerHost, type Login, Member, noteOnToulouse, shareCardSaves } from './factionBrowser';
import { startGate } from './factionGate';
import { expect, test } from './fixtures';
import { startServer } from './server';

/**
 * Faction notes (issue 17) in two browser profiles (two members) against a
 * real CouchDB-compatible server (PouchDB Server's express-pouchdb, in
 * memory, started here on 127.0.0.1 with the faction's `_security`).
 */
const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';

let couch: TestCouch;
let pagesPort: number;
let closePages: () => void;
let extension: string;
const members: Member[] = [];

test.beforeAll(async () => {
  couch = await startTestCouch({ members: ['anna', 'bernd'], outsiders: ['eve'] });
  const { server, port } = await startServer();
  pagesPort = port;
  closePages = () => server.close();
  extension = extensionWithServerHost();
});
test.afterEach(async () => {
  for (const m of members.splice(0)) await m.close();
});
test.afterAll(async () => {
  await couch?.close();
  closePages?.();
});

async function member(): Promise<Member> {
  const m = await Member.launch(pagesPort, extension);
  members.push(m);
  return m;
}

const login = (user: string, author: string, password = couch.password): Login => ({
  server: couch.url,
  database: couch.db,
  user,
  password,
  author,
});

/** The faction's database as it is on the server, read over HTTP as its admin. */
async function textsOnServer(): Promise<string[]> {
  return [...(await couch.allDocs()).values()].map((d) => JSON.stringify(d));
}

test('A shares a note on a council page, B has it after one sync; A’s private note never reaches the server', async () => {
  const anna = await member();
  const bernd = await member();
  await anna.connect(login('anna', 'Anna A.'));
  await expect(anna.status()).toContainText(/Verbunden als anna|Connected as anna/);
  // Only the server's host was asked for, from the click.
  expect(await anna.permissionRequests()).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
  await bernd.connect(login('bernd', 'Bernd B.'));
  await expect(bernd.status()).toContainText(/Verbunden als bernd|Connected as bernd/);

  const page = await anna.openCouncilPage(MOTION);
  await noteOnToulouse(page, 'Privat: vorher mit Bernd klären');
  await shareCardSaves(page, true);
  await noteOnToulouse(page, 'Geteilt: im Ausschuss nach den Haushaltsmitteln fragen');
  // The change to a shared note starts a sync by itself.
  await expect(anna.status()).toContainText(/Gesendet: 1|Sent: 1/, { timeout: 20_000 });
  await expect.poll(textsOnServer).toEqual([expect.stringContaining('im Ausschuss nach den Haushaltsmitteln')]);

  // B opens the same page: one sync brings A's note into B's notebook, with A's name, read-only.
  await bernd.openCouncilPage(MOTION);
  await expect
    .poll(async () => (await bernd.notebook()).map((n) => [n.text, n.faction?.author]), { timeout: 20_000 })
    .toEqual([['Geteilt: im Ausschuss nach den Haushaltsmitteln fragen', 'Anna A.']]);

  // However often A syncs, the private note stays on A's device.
  await anna.syncNow();
  await expect(anna.status()).toContainText(/Gesendet: 0|Sent: 0/);
  const server = await textsOnServer();
  expect(server).toHaveLength(1);
  expect(server.join()).not.toContain('Privat');
  expect((await anna.notebook()).map((n) => n.text).sort()).toEqual([
    'Geteilt: im Ausschuss nach den Haushaltsmitteln fragen',
    'Privat: vorher mit Bernd klären',
  ]);

  // A edits the shared note in the popup (another page than the background): the edit is sent by itself
  // and reaches B; so does A's deletion.
  const popup = await anna.openPopup(page);
  const shared = popup.locator(
    `[data-note-id="${await popup.getByTestId('note').filter({ hasText: 'Geteilt:' }).getAttribute('data-note-id')}"]`,
  );
  await shared.getByRole('button', { name: /Bearbeiten|Edit/ }).click();
  await shared.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill('Geteilt: Haushaltsmittel sind geklärt');
  await shared.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect.poll(textsOnServer, { timeout: 20_000 }).toEqual([expect.stringContaining('sind geklärt')]);
  await bernd.syncNow();
  await expect
    .poll(async () => (await bernd.notebook()).map((n) => n.text), { timeout: 20_000 })
    .toEqual(['Geteilt: Haushaltsmittel sind geklärt']);
  await shared.getByRole('button', { name: /Löschen|Delete/ }).click();
  await expect.poll(textsOnServer, { timeout: 20_000 }).toEqual([]);
  await bernd.syncNow();
  await expect.poll(async () => (await bernd.notebook()).length, { timeout: 20_000 }).toBe(0);
  expect((await anna.notebook()).map((n) => n.text)).toEqual(['Privat: vorher mit Bernd klären']);
});

/** The note's document on the server, as its admin reads it, with the revisions in conflict. */
async function onServer(noteId: string) {
  return (await couch.admin_request('GET', `/${couch.db}/note:${encodeURIComponent(noteId)}?conflicts=true`)).json;
}

test('B changes A’s note while A, offline, changes it too: CouchDB keeps both, A is shown them and picks, B gets the pick', async () => {
  // Two browsers and a dozen syncs on a loaded machine.
  test.setTimeout(240_000);
  // Anna reaches the server through a way of her own, shut while she is offline; Bernd's stays open.
  const annasWay = await startGate(couch.url);
  try {
    const anna = await member();
    const bernd = await member();
    await anna.connect({ ...login('anna', 'Anna A.'), server: annasWay.url });
    await expect(anna.status()).toContainText(/Verbunden als anna|Connected as anna/);
    await bernd.connect(login('bernd', 'Bernd B.'));
    await expect(bernd.status()).toContainText(/Verbunden als bernd|Connected as bernd/);

    const page = await anna.openCouncilPage(MOTION);
    await shareCardSaves(page, true);
    await noteOnToulouse(page, 'Anna: Antrag unterstützen');
    const id = (await anna.notebook()).find((n) => n.text === 'Anna: Antrag unterstützen')?.id as string;
    await expect
      .poll(async () => (await onServer(id)).body?.[0]?.value, { timeout: 20_000 })
      .toBe('Anna: Antrag unterstützen');
    await bernd.syncNow();
    await expect
      .poll(async () => (await bernd.notebook()).map((n) => [n.text, n.faction?.author]), { timeout: 20_000 })
      .toEqual([['Anna: Antrag unterstützen', 'Anna A.']]);

    // Anna is offline and changes her note in the popup: kept, waiting.
    await annasWay.shut();
    const annasPopup = await anna.openPopup(page);
    const annasNote = annasPopup.locator(`[data-note-id="${id}"]`);
    await annasNote.getByRole('button', { name: /^(Bearbeiten|Edit)$/ }).click();
    await annasNote.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill('Anna: Antrag mit Änderung unterstützen');
    await annasNote.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    await expect(anna.status().getByRole('alert')).toContainText(/nicht erreichbar|unreachable/, { timeout: 20_000 });

    // Bernd changes the text of Anna's note in his popup's faction list (no delete there: that is Anna's).
    const berndsPopup = await bernd.context.newPage();
    await berndsPopup.goto(`chrome-extension://${bernd.extensionId}/popup.html#notes`);
    await berndsPopup
      .getByRole('group', { name: /Wessen Notizen|Whose notes/ })
      .getByRole('button', { name: /^(Fraktion|Faction)$/ })
      .click();
    const berndsCopy = berndsPopup.locator(`[data-note-id="${id}"]`);
    await expect(berndsCopy.getByRole('button', { name: /Löschen|Delete/ })).toHaveCount(0);
    await berndsCopy.getByRole('button', { name: /^(Text ändern|Change text)$/ }).click();
    await berndsCopy.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill('Bernd: Antrag vertagen');
    await berndsCopy.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    await expect(berndsCopy.getByTestId('note-edited-by')).toHaveText(/bearbeitet von Bernd B\.|edited by Bernd B\./);
    // Sent by itself: on the server as Anna's note, changed by Bernd.
    await expect
      .poll(async () => (await onServer(id)).body?.[0]?.value, { timeout: 20_000 })
      .toBe('Bernd: Antrag vertagen');
    expect((await onServer(id)).ratsmarker).toMatchObject({ author: 'Anna A.', editor: { name: 'Bernd B.' } });

    // Anna is back: her change meets Bernd's. The server keeps both revisions, and Anna is shown them.
    await annasWay.open();
    await anna.syncNow();
    await expect.poll(async () => (await onServer(id))._conflicts?.length, { timeout: 20_000 }).toBe(1);
    const conflict = annasNote.getByRole('button', { name: /Konflikt: 2 Fassungen|Conflict: 2 versions/ });
    await expect(conflict).toBeVisible({ timeout: 20_000 });
    // Whichever revision CouchDB made the winner, Anna's notebook (and popup) keeps the text she last wrote.
    await expect(annasNote).toContainText('Anna: Antrag mit Änderung unterstützen');
    expect((await anna.notebook()).filter((n) => n.id === id).map((n) => n.text)).toEqual([
      'Anna: Antrag mit Änderung unterstützen',
    ]);

    // Bernd sees the conflict too, but the pick is Anna's.
    await bernd.syncNow();
    await expect(berndsCopy.getByTestId('note-conflict-author')).toHaveText(
      /Konflikt: Anna A\. wählt die Fassung|Conflict: Anna A\. picks the version/,
      { timeout: 20_000 },
    );
    await expect(berndsCopy.getByRole('button', { name: /Konflikt|Conflict/ })).toHaveCount(0);

    await conflict.click();
    const versions = annasPopup.getByRole('dialog', { name: /Konflikt: 2 Fassungen|Conflict: 2 versions/ });
    const hers = versions.getByRole('region', { name: /Diese Fassung|This version/ });
    const his = versions.getByRole('region', {
      name: /Fassung von Anna A\., bearbeitet von Bernd B\.|Version by Anna A\., edited by Bernd B\./,
    });
    await expect(hers).toContainText('Anna: Antrag mit Änderung unterstützen');
    await expect(his).toContainText('Bernd: Antrag vertagen');
    await hers.getByRole('button', { name: /Diese Fassung behalten|Keep this version/ }).click();
    await expect(annasNote.getByRole('button', { name: /Konflikt/ })).toHaveCount(0);

    // Settled on the server: one revision, Anna's text.
    await expect
      .poll(
        async () => {
          const doc = await onServer(id);
          return [doc.body?.[0]?.value, doc._conflicts];
        },
        { timeout: 20_000 },
      )
      .toEqual(['Anna: Antrag mit Änderung unterstützen', undefined]);
    // Bernd gets the picked version after a sync, without the conflict.
    await bernd.syncNow();
    await expect
      .poll(async () => (await bernd.notebook()).map((n) => [n.text, !!n.conflict]), { timeout: 20_000 })
      .toEqual([['Anna: Antrag mit Änderung unterstützen', false]]);
    await expect(berndsCopy.getByTestId('note-conflict-author')).toHaveCount(0);
    expect((await anna.notebook()).filter((n) => n.id === id).map((n) => [n.text, !!n.conflict])).toEqual([
      ['Anna: Antrag mit Änderung unterstützen', false],
    ]);
  } finally {
    await annasWay.close();
  }
});

test('a note shared while the server is down is queued and arrives once after the restart', async () => {
  const anna = await member();
  await anna.connect(login('anna', 'Anna A.'));
  await expect(anna.status()).toContainText(/Verbunden als anna|Connected as anna/);
  const page = await anna.openCouncilPage(MOTION);
  await shareCardSaves(page, true);
  const before = (await textsOnServer()).length;

  await couch.stop();
  try {
    await noteOnToulouse(page, 'Offline geteilt');
    await expect(anna.status().getByRole('alert')).toContainText(/nicht erreichbar|unreachable/, { timeout: 20_000 });
    expect((await anna.notebook()).map((n) => n.text)).toContain('Offline geteilt');
  } finally {
    await couch.start();
  }
  await anna.syncNow();
  await expect(anna.status().getByRole('alert')).toHaveCount(0, { timeout: 20_000 });
  await anna.syncNow();
  await expect(anna.status()).toContainText(/Gesendet: 0|Sent: 0/);
  const server = await textsOnServer();
  expect(server).toHaveLength(before + 1);
  expect(server.filter((d) => d.includes('Offline geteilt'))).toHaveLength(1);
});

test('a wrong password reads as such in the options, and the back-off sends no more requests', async () => {
  const bernd = await member();
  await bernd.connect(login('bernd', 'Bernd B.', 'falsch'));
  await expect(bernd.status().getByRole('alert')).toContainText(/Anmeldung abgelehnt|Login refused/);
  const afterLogin = (await couch.requests()).length;

  // Council pages opened and shared notes taken: all held back by the back-off, not one request.
  const page = await bernd.openCouncilPage(MOTION);
  await shareCardSaves(page, true);
  await noteOnToulouse(page, 'Geteilt, aber der Server nimmt mich nicht');
  await bernd.openCouncilPage('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/druck/vo0050.asp?__kvonr=4711');
  await page.waitForTimeout(5_000);
  expect((await couch.requests()).slice(afterLogin)).toEqual([]);
  await expect(bernd.status().getByRole('alert')).toContainText(/Anmeldung abgelehnt|Login refused/);
  expect((await bernd.notebook()).map((n) => n.text)).toContain('Geteilt, aber der Server nimmt mich nicht');
});

test('a change the server refuses is said in plain words in the options, and the note stays on the device', async () => {
  // The faction's admin lets Bernd only read: a design document of the server's refuses his writes.
  const readOnly = {
    _id: '_design/nur-lesen',
    validate_doc_update:
      "function (newDoc, oldDoc, userCtx) { if (userCtx.name === 'bernd') throw({ forbidden: 'Bernd darf nur lesen.' }); }",
  };
  expect((await couch.admin_request('PUT', `/${couch.db}/${readOnly._id}`, readOnly)).status).toBe(201);
  try {
    const bernd = await member();
    await bernd.connect(login('bernd', 'Bernd B.'));
    await expect(bernd.status()).toContainText(/Verbunden als bernd|Connected as bernd/);
    const page = await bernd.openCouncilPage(MOTION);
    await shareCardSaves(page, true);
    await noteOnToulouse(page, 'Bernd teilt, der Server nimmt es nicht');
    const refused = bernd.status().getByTestId('faction-refused');
    await expect(refused).toContainText(/1 Änderung\(en\) an geteilten Notizen nicht angenommen/, { timeout: 20_000 });
    await expect(refused).toContainText('Der Server sagt: „Bernd darf nur lesen.“');
    // Not a failure of the connection, and nothing lost: the note stays in Bernd's notebook, not on the server.
    await expect(bernd.status().getByRole('alert')).toHaveCount(0);
    expect((await bernd.notebook()).map((n) => n.text)).toContain('Bernd teilt, der Server nimmt es nicht');
    expect((await textsOnServer()).filter((d) => d.includes('Bernd teilt'))).toEqual([]);
  } finally {
    const doc = await couch.admin_request('GET', `/${couch.db}/${readOnly._id}`);
    await couch.admin_request('DELETE', `/${couch.db}/${readOnly._id}?rev=${doc.json._rev}`);
  }
});
