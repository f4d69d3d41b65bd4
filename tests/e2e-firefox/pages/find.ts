import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from '../firefox';

/** What a reader (and a screen reader, roughly) calls an element: its aria-label, else its text. */
export function nameOf(el: ElementHandle): Promise<string> {
  return el.evaluate((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The first element matching `selector` (`>>>` enters shadow roots) whose name matches, once there is one. */
export function findByName(page: Page, selector: string, name: RegExp, timeout?: number): Promise<ElementHandle> {
  return waitFor(
    async () => {
      for (const el of await page.$$(selector)) {
        if (name.test(await nameOf(el))) return el as ElementHandle;
        await el.dispose();
      }
      return undefined;
    },
    `${selector} named ${name}`,
    timeout,
  );
}

/** The names of all elements matching `selector`. */
export async function namesOf(page: Page, selector: string): Promise<string[]> {
  const out: string[] = [];
  for (const el of await page.$$(selector)) {
    out.push(await nameOf(el as ElementHandle));
    await el.dispose();
  }
  return out;
}

/** The text of the first element matching `selector` (whitespace collapsed), or undefined. */
export async function textOf(page: Page, selector: string): Promise<string | undefined> {
  const el = await page.$(selector);
  if (!el) return undefined;
  const text = await el.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  await el.dispose();
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
