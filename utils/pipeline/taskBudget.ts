/**
 * Gives the page a turn: scheduler.yield where the browser has it (the page's
 * input goes first, then this work goes on at once), a message-channel task
 * otherwise. Never a timer: setTimeout waits at least 4 ms once nested, idle
 * time that adds up over hundreds of slices.
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

// A document's reading runs in one task while it fits in this much (a typical Vorlage does), and is cut into
// tasks of this length otherwise: well under the 50 ms that count as a long task. The same for a council page
// and the PDF viewer.
export const DOCUMENT_SLICE_MS = 20;

/** How a long run of work shares the main thread: `due()` says when the current task has had its share. */
export interface TaskBudget {
  /** The current task has run for its slice: the next `pause()` should give the page a turn. */
  due(): boolean;
  /** Gives the page a turn if the slice is used up (and only then), and starts a new slice. */
  pause(): Promise<void>;
  /** Gives the page a turn whatever the time. */
  yieldNow(): Promise<void>;
  /** The work is done: the last slice ends here. */
  finish(): void;
  /** The work begins (again) here, after a wait that was not work (storage, a message): a new slice starts. */
  restart(): void;
}

/**
 * A budget of `sliceMs` per task. Work that fits in one slice (a typical
 * page) runs in one task; longer work is cut where the slice runs out, never
 * before, so the page gets a turn only when it would otherwise wait.
 * `onSlice` hears the start and end of each task's share (for User Timing).
 */
export function taskBudget(
  sliceMs: number,
  options: {
    now?: () => number;
    yielder?: () => Promise<void>;
    onSlice?: (start: number, end: number) => void;
  } = {},
): TaskBudget {
  const now = options.now ?? (() => performance.now());
  const yielder = options.yielder ?? yieldToPage;
  let sliceStart = now();
  const yieldNow = async () => {
    options.onSlice?.(sliceStart, now());
    await yielder();
    sliceStart = now();
  };
  return {
    due: () => now() - sliceStart >= sliceMs,
    pause: async () => {
      if (now() - sliceStart >= sliceMs) await yieldNow();
    },
    yieldNow,
    finish: () => options.onSlice?.(sliceStart, now()),
    restart: () => {
      sliceStart = now();
    },
  };
}
