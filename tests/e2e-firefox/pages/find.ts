import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from '../firefox';

/**
 * The elements matching `selector` with their names (what a reader, and roughly a screen reader, calls
 * them: the aria-label, else the text), found in one round trip. `a >>> b` finds `b` in the shadow roots
 * of the elements `a`.
 */
function query(page: Page, selector: string, pattern?: RegExp) {
  return page.evaluateHandle(
    (sel, source, flags) => {
      // No named functions in here: bundlers may wrap them in helpers the page does not have.
      const parts = sel.split(/\s*>>>\s*/);
      let found: Element[] = [];
      let roots: ParentNode[] = [document];
      parts.forEach((part, i) => {
        found = roots.flatMap((r) => [...r.querySelectorAll(part)]);
        if (i < parts.length - 1) roots = found.flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []));
      });
      const all = found.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim());
      const re = source === null ? null : new RegExp(source, flags);
      const hits = all.flatMap((n, i) => (re === null || re.test(n) ? [i] : []));
      return {
        first: hits.length > 0 ? (found[hits[0] as number] ?? null) : null,
        names: hits.map((i) => all[i] ?? ''),
      };
    },
    selector,
    pattern ? pattern.source : null,
    pattern ? pattern.flags : '',
  );
}

/** The first element matching `selector` whose name matches, once there is one. */
export function findByName(page: Page, selector: string, name: RegExp, timeout?: number): Promise<ElementHandle> {
  return waitFor(
    async () => {
      const result = await query(page, selector, name);
      const first = await result.getProperty('first');
      await result.dispose();
      const el = first.asElement();
      if (el) return el as ElementHandle;
      await first.dispose();
      return undefined;
    },
    `${selector} named ${name}`,
    timeout,
  );
}

/** The names of all elements matching `selector`. */
export async function namesOf(page: Page, selector: string): Promise<string[]> {
  const result = await query(page, selector);
  const names = await result.evaluate((r) => r.names);
  await result.dispose();
  return names;
}

/** The text of the first element matching `selector` (whitespace collapsed), or undefined. */
export async function textOf(page: Page, selector: string): Promise<string | undefined> {
  const result = await query(page, selector);
  const text = await result.evaluate((r) =>
    r.first ? (r.first.textContent ?? '').replace(/\s+/g, ' ').trim() : undefined,
  );
  await result.dispose();
  return text;
}

/** Waits until the text of `selector` matches. */
export function waitForText(page: Page, selector: string, text: RegExp | string, timeout?: number): Promise<string> {
  return waitFor(
    async () => {
      const t = await textOf(page, selector);
      if (t === undefined) return undefined;
      return (typeof text === 'string' ? t.includes(text) : text.test(t)) ? t : undefined;
    },
    `${selector} with ${text}`,
    timeout,
  );
}

/** The element that has the focus, through open shadow roots: its name, or '' when it is the body. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches (as a keyboard user would). */
export async function tabTo(page: Page, name: RegExp, presses = 80): Promise<void> {
  for (let i = 0; i < presses; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name} (focus on "${await focusedName(page)}")`);
}
