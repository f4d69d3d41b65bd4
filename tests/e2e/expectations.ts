/**
 * What Ratsmarker must mark on the fixture pages of each council system,
 * shared by the Chromium (tests/e2e) and Firefox (tests/e2e-firefox) suites,
 * so both browsers are held to the same blocks.
 */

export const DUS = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf';
export const HAMBURG = 'http://sitzungsdienst-hamburg-mitte.hamburg.de';
export const LAATZEN = 'http://ratsinfo.laatzen.de';
export const MOTION = `${DUS}/vo0050.asp?__kvonr=4711`;

/** Blocks that carry a measure in `data-ratsmarker-measures`. */
export interface MarkedBlocks {
  measure: string;
  /** One of them contains this text. */
  text: string;
  /** How many blocks carry the measure, when that is part of the expectation. */
  total?: number;
  /** How many blocks carry the measure and contain `text`, when that is part of the expectation. */
  withText?: number;
}

export interface PageExpectation {
  name: string;
  url: string;
  marked: MarkedBlocks[];
  /** Blocks (by their text) that must carry no measure. */
  unmarked?: string[];
  /** Words painted in a highlight colour (highlight name → a word in it). */
  painted?: Record<string, string>;
  /** A badge whose accessible name matches. */
  badge?: RegExp;
  /** The number of badges, when that is part of the expectation (0: the page is left alone). */
  badges?: number;
}

export const PAGE_EXPECTATIONS: PageExpectation[] = [
  {
    name: 'SessionNet (Düsseldorf), a motion with line numbers',
    url: MOTION,
    marked: [
      // Item 1 (lines 9–11): the exchange with Toulouse.
      { measure: 'KW21-7', text: 'Die Verwaltung wird', total: 3 },
      // Item 2 (13–16): Eurocities and the Covenant of Mayors; item 3 (18–20): EU funds with the neighbours.
      { measure: 'KW21-13', text: 'Eurocities' },
      { measure: 'KW21-20', text: 'Interreg', withText: 1 },
    ],
    // Item 4 (benches on the Rhine promenade) touches nothing.
    unmarked: ['Rheinuferpromenade'],
    painted: { 'ratsmarker-0': 'Toulouse', 'ratsmarker-4': 'Interreg' },
    badge: /^KW21 Z\. 7–8: .*Toulouse/,
  },
  {
    name: 'ALLRIS 3 (Hamburg-Mitte), a motion without matches',
    url: `${HAMBURG}/bi/vo020.asp?VOLFDNR=1020365`,
    marked: [],
    badges: 0,
  },
  {
    name: 'ALLRIS, a page that loads its text late',
    url: `${HAMBURG}/bi/late/vo020.asp?VOLFDNR=1`,
    marked: [
      { measure: 'KW21-9', text: 'Deventer' },
      { measure: 'KW21-25', text: 'Welcome-Center' },
    ],
    badge: /^KW21 Z\. 9–12/,
  },
  {
    name: 'ALLRIS 4 (Laatzen), a motion without matches',
    url: `${LAATZEN}/public/vo020?VOLFDNR=2026`,
    marked: [],
    badges: 0,
  },
  {
    name: 'a council path on a known host that is no council system',
    url: `${DUS}/blog/vo0050.asp`,
    marked: [],
    badges: 0,
  },
];
