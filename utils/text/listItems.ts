/*
 * Motions list what they ask for under one lead-in: "Die Verwaltung wird beauftragt, für die
 * Ausländerbehörde …:" followed by "a) Merkblätter in Arabisch und Farsi bereitzustellen;", "b) …". On a
 * page each item is a passage of its own, and an item alone often lacks what the lead-in says once for
 * all of them (who acts, for whom). This module finds, for each passage, the lead-in whose items it
 * belongs to, so the matcher can lend the item the lead-in's context.
 */

// A lead-in ends with a colon: "Der Rat beschließt:", "… werden folgende Maßnahmen ergriffen:".
const LEAD_IN = /:\s*$/;
// An item begins with a letter or number and a bracket or point, a dash or a bullet, or it continues
// the lead-in's sentence in small letters ("die Formulare … zu übersetzen;"). The kind of its marker
// tells the items of one list from the next item of the list around it.
const MARKERS: [kind: string, pattern: RegExp][] = [
  ['letter', /^\s*\(?[a-zA-Z][).]\s/],
  ['number', /^\s*\(?\d{1,2}[.)]\s/],
  ['dash', /^\s*[-–—]\s/],
  ['bullet', /^\s*[•▪◦·*]\s?/],
  ['continued', /^\s*\p{Ll}/u],
];
const markerOf = (text: string) => MARKERS.find(([, re]) => re.test(text))?.[0];
// A list is not a chapter: a lead-in gives its context to this many items at most.
const MAX_ITEMS = 15;
// A colon after a few words is a heading ("Begründung:"), not a lead-in with a context to lend.
const MIN_LEAD_IN = 25;

/**
 * For each passage, the index of the lead-in it is an item of, or -1. The items of a lead-in are the
 * passages right after it that read as list items; the first passage that does not ends the list.
 */
export function leadInsOf(passages: readonly string[]): number[] {
  const out: number[] = [];
  let lead = -1;
  let leadMarker: string | undefined;
  let itemMarker: string | undefined;
  let items = 0;
  for (const [i, text] of passages.entries()) {
    const marker = markerOf(text);
    // "3. … wie folgt:", "a) …", "b) …", "4. …": the next item of the lead-in's own list ends its items.
    const isItem =
      lead >= 0 &&
      items < MAX_ITEMS &&
      marker !== undefined &&
      marker !== leadMarker &&
      (itemMarker === undefined || marker === itemMarker);
    if (isItem) {
      out.push(lead);
      itemMarker = marker;
      items++;
    } else {
      out.push(-1);
      lead = -1;
    }
    // An item may itself lead in a sub-list ("2. Die Verwaltung prüft:"); its own items take its context.
    if (LEAD_IN.test(text) && text.trim().length >= MIN_LEAD_IN) {
      lead = i;
      leadMarker = marker;
      itemMarker = undefined;
      items = 0;
    }
  }
  return out;
}
