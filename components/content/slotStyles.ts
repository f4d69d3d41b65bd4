import { highlightRule } from './palette';

/**
 * The `::highlight()` rules of the slots a page paints, put into the page as each slot is first used (none on a
 * page where nothing matched). Any such rule makes the browser work out every element's highlight styles on
 * every restyle of the page, and each rule adds to it: the 1 MB benchmark page restyled in 18 ms without, 50 ms
 * with one rule and 88 ms with all 40. The rules name only slot numbers, which the page's scripts can read from
 * the document's `CSS.highlights` anyway.
 *
 * A constructed style sheet where the browser lets a content script adopt one (a page's Content-Security-Policy
 * does not apply to it); a `<style>` element otherwise.
 */
export function slotStyles(doc: Document) {
  const added = new Set<number>();
  let sheet: { add(rule: string): void } | undefined;
  return {
    add(slot: number): void {
      if (added.has(slot)) return;
      added.add(slot);
      sheet ??= openSheet(doc);
      sheet.add(highlightRule(slot));
    },
  };
}

function openSheet(doc: Document): { add(rule: string): void } {
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  try {
    if (!Sheet) throw new Error('no constructable style sheets');
    const sheet = new Sheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    // The sheet's whole text again each time (a page paints a few slots): a rule the browser cannot read is then
    // left out, where insertRule would throw in the middle of painting.
    let text = '';
    return {
      add: (rule) => {
        text += `${rule}\n`;
        sheet.replaceSync(text);
      },
    };
  } catch {
    // Firefox's content scripts may not adopt a sheet into the page's document.
    const style = doc.createElement('style');
    style.setAttribute('data-ratsmarker-ui', 'styles');
    (doc.head ?? doc.documentElement).append(style);
    return { add: (rule) => style.append(`${rule}\n`) };
  }
}
