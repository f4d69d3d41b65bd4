import { shadowMode } from './testMarks';

/** `document.createElement` with class and text, never markup: page and user text stay text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: (Node | null | undefined)[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Styles for a shadow root, as a <style> element (content scripts cannot rely on adoptedStyleSheets in every browser). */
export function styleElement(doc: Document, css: string): HTMLStyleElement {
  const style = doc.createElement('style');
  style.textContent = css;
  return style;
}

/** The shadow root of a Ratsmarker host: closed on council pages (see shadowMode). Keep the reference: it is the only one. */
export function attachRoot(host: HTMLElement): ShadowRoot {
  return host.attachShadow({ mode: shadowMode(host.ownerDocument) });
}

/**
 * Runs `handler` only for clicks the reader made: with the mouse, by touch, or
 * with Enter or Space on a button (the browser turns those into trusted
 * clicks). A page's `element.click()` or `dispatchEvent` is not the reader: it
 * neither runs the handler nor, on a submit button, submits the form.
 */
export function onTrustedClick(target: EventTarget, handler: (e: MouseEvent) => void): void {
  dropUntrustedClicks(target);
  target.addEventListener('click', (e) => handler(e as MouseEvent));
}

/**
 * Stops every click on `target` that the reader did not make, before any
 * handler added later sees it (listeners run in the order they were added),
 * and keeps it from activating the element (a submit button's form).
 */
export function dropUntrustedClicks(target: EventTarget): void {
  target.addEventListener('click', (e) => {
    if (e.isTrusted) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  });
}
