import type { NewNote } from '@/utils/db/notesStore';

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure
 * contexts, and council pages are often served over plain http.
 */
export function newNoteId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// What the sender hears when the service worker was stopped before or while it
// handled the message (Chrome stops it after 30 s idle and under memory
// pressure): no receiver, a port closed before the answer, or no answer.
const WORKER_GONE =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|^No response$/i;

/**
 * How long an answer may take before the message counts as lost. A worker stopped again and again (as the
 * reliability test does, and Chrome under memory pressure) can take a message and be gone before it answers
 * without the sender ever hearing: the save then never settled, and every refresh of the page's notes waited
 * behind it (they run one after another). Every message sent this way may arrive twice.
 */
const NO_ANSWER_MS = 6_000;

/** `answer`, or an error "No response" (WORKER_GONE) if it has not come within `ms`. */
function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('No response')), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** The waits between tries: the worker starts again within a second or two. */
const RETRY_DELAYS_MS = [100, 300, 700, 1_500, 3_000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` (a message to the background) again while the service worker
 * was gone; any other error is the answer and is thrown. For messages that
 * may arrive twice: reads, and saves that carry their id.
 */
export async function whileWorkerGone<T>(
  send: () => Promise<T>,
  wait: (ms: number) => Promise<void> = sleep,
  noAnswerMs = NO_ANSWER_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await answerWithin(send(), noAnswerMs);
    } catch (e) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !WORKER_GONE.test((e as Error | undefined)?.message ?? '')) throw e;
      await wait(delay);
    }
  }
}

/**
 * Sends a new note to the background until it arrives. The id is chosen
 * here, once, so that a save that reached the store but lost its answer is
 * stored once when sent again (addNote keeps the first). Any other error
 * (a note the store refuses) is the answer, not retried.
 */
export async function sendNoteReliably(
  note: NewNote,
  send: (note: NewNote) => Promise<unknown>,
  wait?: (ms: number) => Promise<void>,
  noAnswerMs?: number,
): Promise<void> {
  const withId = { ...note, id: note.id ?? newNoteId() };
  await whileWorkerGone(() => send(withId), wait, noAnswerMs);
}
