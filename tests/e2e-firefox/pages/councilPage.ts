import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from '../firefox';
import { findByName, focusedName, namesOf, tabTo, textOf, waitForText } from './find';

const BADGE = '[data-ratsmarker-ui="badge"] >>> button';
const CARD = '[data-ratsmarker-ui="card"] >>> [role="dialog"]';

/** A council page (or the PDF viewer, which shows the same badges and cards) with Ratsmarker at work. */
export class CouncilPage {
  constructor(readonly page: Page) {}

  async waitForScan(): Promise<void> {
    // Asked again and again from here, not by waitForFunction: its polling in the page builds a function from a
    // string, which the viewer's extension-page CSP refuses (it passed only where the scan had already ended).
    await waitFor(
      () => this.page.evaluate(() => performance.getEntriesByName('ratsmarker:scan-end').length > 0),
      'the scan’s end',
      20_000,
    );
  }

  /** The fill a highlight slot is painted with in this page (transparent: the page has no style for it). */
  highlightFill(slot: number): Promise<string> {
    return this.page.evaluate(
      (name) => getComputedStyle(document.body, `::highlight(${name})`).backgroundColor,
      `ratsmarker-${slot}`,
    );
  }

  /** The texts of the blocks that carry a measure (the test contract, `data-ratsmarker-measures`). */
  blocksWith(measure: string): Promise<string[]> {
    return this.page.evaluate(
      // Whitespace as the reader sees it (the fixture's line breaks are spaces).
      (m) =>
        [...document.querySelectorAll(`[data-ratsmarker-measures~="${m}"]`)].map((b) =>
          (b.textContent ?? '').replace(/\s+/g, ' '),
        ),
      measure,
    );
  }

  /** Whether the first paragraph containing `text` carries any measure. */
  paragraphIsMarked(text: string): Promise<boolean> {
    return this.page.evaluate((t) => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.replace(/\s+/g, ' ').includes(t));
      if (!p) throw new Error(`no paragraph with ${t}`);
      return p.hasAttribute('data-ratsmarker-measures');
    }, text);
  }

  countMarkedBlocks(): Promise<number> {
    return this.page.evaluate(() => document.querySelectorAll('[data-ratsmarker-measures]').length);
  }

  /** The badges' accessible names. */
  badges(): Promise<string[]> {
    return namesOf(this.page, BADGE);
  }

  badge(name: RegExp): Promise<ElementHandle> {
    return findByName(this.page, BADGE, name);
  }

  /** The open card's text, or undefined. */
  card(): Promise<string | undefined> {
    return textOf(this.page, CARD);
  }

  waitForCard(text: RegExp | string): Promise<string> {
    return waitForText(this.page, CARD, text);
  }

  async waitForCardClosed(): Promise<void> {
    await waitFor(async () => (await this.card()) === undefined, 'the card to close');
  }

  /** A control inside the open card, by selector and name. */
  cardControl(selector: string, name = /(?:)/): Promise<ElementHandle> {
    return findByName(this.page, `[data-ratsmarker-ui="card"] >>> ${selector}`, name);
  }

  cardStatus(): Promise<string> {
    return waitForText(this.page, '[data-ratsmarker-ui="card"] >>> [role="status"]', /\S/);
  }

  focused(): Promise<string> {
    return focusedName(this.page);
  }

  /** Ranges painted through the CSS Custom Highlight API, per highlight name. */
  highlightedTexts(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const out: Record<string, string[]> = {};
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      for (const [name, h] of registry ?? []) out[name] = [...h].map((r) => r.toString());
      return out;
    });
  }

  /** Words wrapped in Ratsmarker's `<mark>` fallback, per highlight name. */
  markedTexts(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const out: Record<string, string[]> = {};
      for (const mark of document.querySelectorAll('mark[data-ratsmarker-ui="mark"]')) {
        const name = [...mark.classList].find((c) => /^ratsmarker-\d+$/.test(c)) ?? '';
        out[name] = [...(out[name] ?? []), mark.textContent ?? ''];
      }
      return out;
    });
  }

  /** Takes a note on a passage through its badge's card: by mouse, or by keyboard alone. */
  async takeNote(badgeName: RegExp, text: string, tags: string, by: 'click' | 'keyboard'): Promise<string> {
    if (by === 'click') {
      await (await this.badge(badgeName)).click();
      await this.waitForCard(/\S/);
      await (await this.cardControl('button.note')).click();
      await (await this.cardControl('textarea[name="text"]')).type(text);
      await (await this.cardControl('input[name="tags"]')).type(tags);
      await (await this.cardControl('button[type="submit"]')).click();
    } else {
      await tabTo(this.page, badgeName);
      await this.page.keyboard.press('Enter');
      await this.waitForCard(/\S/);
      await tabTo(this.page, /^(Notiz zu dieser Stelle|Note on this passage)/);
      await this.page.keyboard.press('Enter');
      // The note field has the focus once the form opens.
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.type(tags);
      await this.page.keyboard.press('Enter');
    }
    return this.cardStatus();
  }
}
