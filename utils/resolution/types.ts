/** One numbered line of a resolution, as written. */
export interface ResolutionLine {
  number: number;
  /** The line's text exactly as written after its number (bullet kept, `\*` unescaped, soft-break spaces removed). */
  text: string;
  /** `text` without a leading bullet or item marker. */
  content: string;
  /** The line opens a measure (bullet `•`, `–`, or an item number). */
  bullet: boolean;
  /** A blank line stands between this line and the one before. */
  blankBefore: boolean;
  /** Line number in the source file (1-based), for error messages. */
  sourceLine: number;
}

/** A measure: one bullet item of the resolution, possibly over several lines. */
export interface Measure {
  /** Resolution code and first line: "KW21-7". */
  id: string;
  firstLine: number;
  lastLine: number;
  /** The measure's text, lines joined, bullet removed. */
  text: string;
  /** The heading the measure stands under, if any ("Ziele für nachhaltige Entwicklung (SDGs)"). */
  heading?: string;
}

export interface ResolutionHeading {
  line: number;
  text: string;
}

export interface Resolution {
  /** Short code from the heading: "KW21". */
  code: string;
  /** Title from the heading: "Internationale Zusammenarbeit". */
  title: string;
  /** Gremium: the body that resolved it. */
  body?: string;
  /** Beschlussdatum as written ("05.02.2020"). */
  date?: string;
  /** Beschlussdatum as ISO date ("2020-02-05") when it could be read. */
  dateIso?: string;
  /** Tagesordnungspunkt as written ("2.21. Internationale Zusammenarbeit"). */
  agendaItem?: string;
  /** Every "Key: value" line of the header. */
  metadata: Record<string, string>;
  lines: ResolutionLine[];
  /** Lines before the first measure: context for every measure, not a measure. */
  preamble?: { firstLine: number; lastLine: number; text: string };
  headings: ResolutionHeading[];
  measures: Measure[];
  /** Non-fatal oddities (gaps in the numbering, unnumbered text lines). */
  warnings: string[];
}
