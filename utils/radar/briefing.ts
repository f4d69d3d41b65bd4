import type { Note } from '../notes/types';
import type { FetchFailure } from './fetchDocument';

/** One measure an agenda item's documents touch, with the passages that touch it. */
export interface BriefingMatch {
  measureId: string;
  /** "KW21, Z. 7–8" */
  reference: string;
  /** The measure's short label or first words. */
  label: string;
  passages: { quote: string; page?: number }[];
}

export interface BriefingItem {
  number: string;
  title: string;
  paperNumber?: string;
  paperUrl?: string;
  /** checked: read and matched; none: the item has no document; failed: could not be read. */
  state: 'checked' | 'none' | 'failed';
  /** Why it could not be read: fetching failed, or the PDF is broken or holds no text. */
  failure?: FetchFailure | 'brokenPdf' | 'noText';
  matches: readonly BriefingMatch[];
  /** The reader's own notes on the item's documents. */
  notes: readonly Note[];
}

/** The briefing's words in the reader's language: a message name of locales/*.json and its parameters. */
export type BriefingLabels = (key: string, params?: string[]) => string;

export interface BriefingMeeting {
  /** The meeting's title as its page names it (committee and date). */
  title: string;
  url: string;
  /** ISO date the briefing was made. */
  made: string;
}

// A passage quoted on one line: its line breaks are the page's layout, not the author's.
const quote = (text: string) => `> ${plain(text.replace(/\s+/g, ' ').trim())}`;

// Markdown that a colleague pastes into a mail or a pad: text in the agenda's
// words must not turn into markup, so characters Markdown acts on are escaped.
const plain = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/**
 * "Sitzungsvorbereitung": the meeting's items in agenda order, each with its
 * document, the measures it touches with the passages quoted, and the
 * reader's notes on it. Items that touch nothing are listed in one line, so
 * the briefing shows that they were looked at.
 */
export function briefingMarkdown(
  meeting: BriefingMeeting,
  items: readonly BriefingItem[],
  label: BriefingLabels,
): string {
  const touched = items.filter((i) => i.matches.length > 0);
  const out: string[] = [
    `# ${label('briefingTitle')}: ${plain(meeting.title)}`,
    '',
    `<${meeting.url}>`,
    '',
    `${label('briefingSummary', [String(touched.length), String(items.length)])} · ${label('briefingMade')} ${meeting.made.slice(0, 10)}`,
    '',
  ];
  for (const item of items) {
    const doc = item.paperNumber
      ? ` (${item.paperUrl ? `[${plain(item.paperNumber)}](${item.paperUrl})` : plain(item.paperNumber)})`
      : '';
    out.push(`## ${label('briefingItem')} ${plain(item.number)}: ${plain(item.title)}${doc}`, '');
    if (item.state === 'none') out.push(`*${label('briefingNoDocument')}*`, '');
    else if (item.state === 'failed')
      out.push(`*${label('briefingNotChecked')}: ${label(`radarFailure_${item.failure ?? 'network'}`)}*`, '');
    else if (item.matches.length === 0) out.push(`*${label('briefingNothing')}*`, '');
    for (const m of item.matches) {
      out.push(`### ${plain(m.reference)} – ${plain(m.label)}`, '');
      for (const p of m.passages)
        out.push(quote(p.quote) + (p.page !== undefined ? ` (${label('exportPage')} ${p.page})` : ''), '');
    }
    if (item.notes.length > 0) {
      out.push(`**${label('briefingNotes')}**`, '');
      for (const n of item.notes) {
        const where = n.target ? `„${plain(n.target.quote.exact.replace(/\s+/g, ' ').slice(0, 80))}“: ` : '';
        out.push(`- ${where}${plain(n.text).replace(/\n/g, ' ')}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
