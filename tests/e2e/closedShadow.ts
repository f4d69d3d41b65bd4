import type { CDPSession, Page } from '@playwright/test';

/**
 * Ratsmarker's UI on council pages lives in closed shadow roots, which page
 * scripts (and Playwright's selectors, which run as page scripts) cannot
 * enter. The DevTools protocol sees them, as the browser does: tests read and
 * click that UI through it, the way a reader's eyes and mouse reach it.
 */
interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface ShadowButton {
  name: string;
  text: string;
  backendNodeId: number;
}

export interface ShadowHost {
  /** The host's `data-ratsmarker-ui` value. */
  ui: string;
  /** Text inside its shadow root, white space collapsed (style sheets left out). */
  text: string;
  buttons: ShadowButton[];
  links: { text: string; href: string }[];
  /** The light-DOM element the host sits in: its `id`, or its tag and classes. */
  hostBackendNodeId: number;
}

const attr = (n: DomNode, name: string) => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join(' ');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function walk(n: DomNode, visit: (n: DomNode) => void) {
  visit(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, visit);
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Every Ratsmarker host of the page (`[data-ratsmarker-ui]`) with what its shadow root shows. */
export async function shadowHosts(page: Page, ui?: string): Promise<ShadowHost[]> {
  const cdp = await session(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: ShadowHost[] = [];
    walk(root, (n) => {
      const kind = n.nodeType === 1 ? attr(n, 'data-ratsmarker-ui') : undefined;
      if (!kind || (ui && kind !== ui)) return;
      const shadow = n.shadowRoots?.[0];
      const buttons: ShadowButton[] = [];
      const links: { text: string; href: string }[] = [];
      if (shadow)
        walk(shadow, (c) => {
          if (c.nodeName === 'BUTTON')
            buttons.push({
              name: attr(c, 'aria-label') ?? collapse(textOf(c)),
              text: collapse(textOf(c)),
              backendNodeId: c.backendNodeId,
            });
          if (c.nodeName === 'A') links.push({ text: collapse(textOf(c)), href: attr(c, 'href') ?? '' });
        });
      hosts.push({
        ui: kind,
        text: shadow ? collapse(textOf(shadow)) : '',
        buttons,
        links,
        hostBackendNodeId: n.backendNodeId,
      });
    });
    return hosts;
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button inside a shadow root with the mouse, as a reader does (a trusted click). */
export async function clickShadowButton(page: Page, button: ShadowButton): Promise<void> {
  const cdp = await session(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
