import { isBlock, isSkipped } from './blocks';

/** An element's text as a reader sees it: no scripts or styles, a space for <br> and block edges, white space collapsed. */
export function visibleText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out += (n as Text).data;
      else if (n.nodeType === 1) {
        const child = n as Element;
        if (isSkipped(child)) continue;
        if (child.tagName.toUpperCase() === 'BR') out += ' ';
        else if (isBlock(child)) {
          out += ' ';
          walk(child);
          out += ' ';
        } else walk(child);
      }
    }
  };
  walk(el);
  return out.replace(/[\s\u00A0]+/g, ' ').trim();
}
