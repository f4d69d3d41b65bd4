/** What Ratsmarker recognised about the document a page shows. */
export interface DocumentFacts {
  /** Council information system: "sessionnet", "allris", or undefined when unknown. */
  system?: string;
  /** Kind of page: a document (Vorlage, Antrag …), an agenda item, or a meeting. */
  page?: 'document' | 'agenda-item' | 'meeting';
  /** Document number as written ("23-1862", "039/26", "2026/245"). */
  number?: string;
  /** Kind of document as the page names it ("Antrag", "Beschlussvorlage", "Drucksache"). */
  kind?: string;
  /** Betreff. */
  title?: string;
  /** The committee or body in charge (Federführend, Gremium, first of the Beratungsfolge). */
  committee?: string;
  /** Date as written on the page ("14.03.2024"). */
  date?: string;
}

/** One council information system: how to recognise it and where its motion text stands. */
export interface CouncilSystem {
  id: string;
  name: string;
  /** The URL is one of the product's document, agenda-item or meeting pages. */
  isCouncilUrl(url: URL): boolean;
  /**
   * How the page itself says it is this product: its marks (ids, classes,
   * generator) as one CSS selector, and its name as it appears in a title.
   */
  productMarks: { selector: string; title: RegExp };
  /**
   * Where the product marks the document's own text on this page: a test for
   * the block elements that belong to it. Undefined when the page marks none.
   */
  documentText(doc: Document): ((block: Element) => boolean) | undefined;
  /** What kind of page this is, from its URL and markup. */
  pageKind(doc: Document, url?: URL): DocumentFacts['page'];
}
