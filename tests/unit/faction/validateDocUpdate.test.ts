import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FactionNote, toAnnotationDoc } from '@/utils/faction/annotationDoc';
import { startTestCouch, type TestCouch } from './server';

// The design document the README gives a faction: every member may change the text of every shared
// note (named as its editor), only its author deletes it or gives it away.
const DESIGN = JSON.parse(
  readFileSync(new URL('../../../utils/faction/ratsmarker-design.json', import.meta.url), 'utf8'),
);

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch({ members: ['anna', 'bernd'] });
  const put = await couch.admin_request('PUT', `/${couch.db}/${DESIGN._id}`, DESIGN);
  expect(put.status).toBe(201);
}, 30_000);
afterAll(() => couch?.close());

async function as(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${couch.url}/${couch.db}/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${user}:${couch.password}`).toString('base64')}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { rev?: string; reason?: string } };
}

const annas: FactionNote = {
  id: 'n1',
  document: { key: 'ratsinfo.example.de|AIF/1', site: 'ratsinfo.example.de', url: 'https://ratsinfo.example.de/1' },
  documentKey: 'ratsinfo.example.de|AIF/1',
  measureIds: [],
  text: 'Annas Notiz',
  tags: [],
  created: '2026-11-30T08:00:00.000Z',
  updated: '2026-11-30T08:00:00.000Z',
  author: 'Anna A.',
  user: 'anna',
};

describe('validate_doc_update for a faction’s database', () => {
  it('lets a colleague change the text as its editor, and only the author delete or give away the note', async () => {
    const doc = toAnnotationDoc(annas, 'annas-device');
    expect((await as('bernd', 'PUT', doc._id, doc)).status).toBe(403);
    const created = await as('anna', 'PUT', doc._id, doc);
    expect(created.status).toBe(201);

    const byBernd = (over: Partial<FactionNote>) => ({
      ...toAnnotationDoc({ ...annas, text: 'Bernd ergänzt', updated: '2026-11-30T09:00:00.000Z', ...over }, 'bd'),
      _rev: created.json.rev,
    });
    const editor = { author: 'Bernd B.', user: 'bernd', at: '2026-11-30T09:00:00.000Z' };
    // Without naming himself as the editor, or as the note's author: refused.
    expect((await as('bernd', 'PUT', doc._id, byBernd({}))).status).toBe(403);
    expect(
      (await as('bernd', 'PUT', doc._id, byBernd({ author: 'Bernd B.', user: 'bernd', editedBy: editor }))).status,
    ).toBe(403);
    const edited = await as('bernd', 'PUT', doc._id, byBernd({ editedBy: editor }));
    expect(edited.status).toBe(201);

    // Deleting is Anna's.
    expect((await as('bernd', 'DELETE', `${doc._id}?rev=${edited.json.rev}`)).status).toBe(403);
    expect((await as('anna', 'DELETE', `${doc._id}?rev=${edited.json.rev}`)).status).toBe(200);
  });
});
