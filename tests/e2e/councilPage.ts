import type { Locator, Page } from '@playwright/test';

/** A council page with Ratsmarker at work, as a user sees it. */
export class CouncilPageModel {
  constructor(readonly page: Page) {}

  /** The badges at the end of matched passages (buttons inside Ratsmarker's shadow roots). */
  badges(): Locator {
    return this.page.locator('[data-ratsmarker-ui="badge"] button');
  }

  badge(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  card(): Locator {
    return this.page.locator('[data-ratsmarker-ui="card"] [role="dialog"]');
  }

  blocksWith(measure: string): Locator {
    return this.page.locator(`[data-ratsmarker-measures~="${measure}"]`);
  }

  async waitForScan(): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('ratsmarker:scan-end').length > 0);
  }

  /**
   * The fill a highlight slot is painted with in this page (transparent: the page has no style for it), as the
   * page's stylesheets, the extension's included, give it.
   */
  async highlightFill(slot: number): Promise<string> {
    return this.page.evaluate(
      (name) => getComputedStyle(document.body, `::highlight(${name})`).backgroundColor,
      `ratsmarker-${slot}`,
    );
  }

  /** Ranges painted through the CSS Custom Highlight API, per highlight name. */
  async highlightedTexts(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const out: Record<string, string[]> = {};
      // Highlights registered by the content script live in the page's registry.
      for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>)
        out[name] = [...h].map((r) => r.toString());
      return out;
    });
  }
}
