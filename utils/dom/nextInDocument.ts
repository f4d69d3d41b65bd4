/**
 * The node after `node` in document order, not leaving `stopAt`: its first
 * child, else the next sibling of it or of its nearest ancestor below `stopAt`.
 * `nextInDocument(el, el)` begins a walk of everything under `el`.
 */
export function nextInDocument(node: Node, stopAt: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== stopAt; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}
