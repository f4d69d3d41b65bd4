import type { DocumentFacts } from './types';

// A document number as council systems write it: "23-1862", "22-1940.01", "2026/245",
// "039/26", "VO/2024/0815", "AIF/012/2024", "0123/2024/1". Digits with separators, or a
// short office prefix before them; one token.
const NUMBER = /^(?:\p{Lu}{1,8}[/-])?\d[\dA-Za-z]*(?:[./-][\dA-Za-z]+)*$/u;
// Tokens that look like numbers but are not a document's: dates, times, years, amounts.
const NOT_A_NUMBER = /^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}[:.]\d{2}|(?:19|20)\d{2}|\d{1,3})$/;
// The kinds of council documents end in one of these words ("Beschlussvorlage", "Änderungsantrag").
const KIND =
  /(?:antrag|anfrage|vorlage|drucksache|mitteilung|empfehlung|eingabe|ersuchen|stellungnahme|bericht|anregung|beschluss|resolution|vorschlag|information|petition|anmeldung)$/i;
const KIND_WORDS = /^\p{Lu}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}$/u;
// The parts of a heading: "Drucksache - 23-1862", "23-1862 – Antrag", "Vorlage 0123/2024: Betreff".
const PARTS = /\s+[-–—]\s+|:\s+/;

const isNumber = (s: string) => NUMBER.test(s) && !NOT_A_NUMBER.test(s) && s.length <= 30;
const isKind = (s: string) => KIND_WORDS.test(s) && KIND.test(s);

/** "Drucksache Nr. 21/1234" or "Antrag 2026/245": a kind and its number in one part. */
function kindAndNumber(part: string): { kind: string; number: string } | undefined {
  const m = /^(.+?)\s+(?:Nr\.?\s*)?(\S+)$/u.exec(part);
  return m && isKind(m[1] as string) && isNumber(m[2] as string)
    ? { kind: m[1] as string, number: m[2] as string }
    : undefined;
}

/**
 * The document's number, kind and title as a page's heading gives them, where
 * no labelled cell does (ALLRIS 3 heads some pages "NUMBER - Kind", others
 * "Kind - NUMBER"; SessionNet "Vorlage - NUMBER"). Only a part that reads as a
 * number beside a part that names a kind of document counts: a date, a time, a
 * year or a title with a number in it does not.
 */
export function headingFacts(heading: string): Pick<DocumentFacts, 'number' | 'kind' | 'title'> {
  const parts = heading
    .replace(/[\s\u00A0]+/g, ' ')
    .trim()
    .split(PARTS)
    .map((p) => p.trim().replace(/^Nr\.?\s*/, ''))
    .filter(Boolean);
  const [a = '', b = '', ...rest] = parts;
  const title = rest.join(' – ') || undefined;
  const withTitle = (facts: { kind: string; number: string }, t: string | undefined) =>
    t ? { ...facts, title: t } : facts;
  if (isKind(a) && isNumber(b)) return withTitle({ kind: a, number: b }, title);
  if (isNumber(a) && isKind(b)) return withTitle({ kind: b, number: a }, title);
  const joined = kindAndNumber(a);
  if (joined) return withTitle(joined, [b, ...rest].filter(Boolean).join(' – ') || undefined);
  return {};
}
