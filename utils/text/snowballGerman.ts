/**
 * The Snowball German stemmer (snowballstem.org/algorithms/german/stemmer.html, the version @orama/stemmers
 * ships: umlauts folded at the end, "-niss" to "-nis"), written out with plain string operations.
 *
 * Why not the library: its code is generated for any Snowball algorithm (a generic "among" search, a closure
 * made for each step of each word), and a council page runs it with its code cold, once per distinct word that
 * may match: in a CPU profile of the content script on a 30 kB Vorlage it was a fifth of the matching. The
 * library stays the oracle: tests/unit/snowballGerman.test.ts compares the two on every word of the fixtures
 * and on random words of German letters.
 */

const VOWELS = 'aeiouyäöü';
const isVowel = (c: string | undefined) => c !== undefined && c !== '' && VOWELS.includes(c);
// Letters a final "s" (step 1) or "st" (step 2) may follow to be an ending.
const S_ENDING = /[bdfghklmnrt]$/;
const ST_ENDING = /[bdfghklmnt]$/;

/** Past the first vowel from `from`, then past the first non-vowel after it: where the region begins (-1: none). */
function regionAfter(w: string, from: number): number {
  const n = w.length;
  let i = from;
  while (i < n && !isVowel(w[i])) i++;
  if (i >= n) return -1;
  i++;
  while (i < n && isVowel(w[i])) i++;
  return i >= n ? -1 : i + 1;
}

/** R1 and R2: where the region after the first (second) non-vowel that follows a vowel begins; R1 at least 3. */
function regions(w: string): [number, number] {
  const n = w.length;
  if (n < 3) return [n, n];
  const p1 = regionAfter(w, 0);
  if (p1 < 0) return [n, n];
  // R2 is looked for from where R1 would begin without its minimum of 3.
  const p2 = regionAfter(w, p1);
  return [Math.max(p1, 3), p2 < 0 ? n : p2];
}

/** Endings by their last letter, longest first: Snowball's among takes the longest that ends the word, and no other. */
function byLastLetter(endings: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of [...endings].sort((a, b) => b.length - a.length)) {
    const last = e.charAt(e.length - 1);
    out.set(last, [...(out.get(last) ?? []), e]);
  }
  return out;
}

function longestEnding(w: string, endings: Map<string, string[]>): string | undefined {
  for (const e of endings.get(w.charAt(w.length - 1)) ?? NONE) if (w.endsWith(e)) return e;
  return undefined;
}
const NONE: string[] = [];

/** `s` ends with `ending`, and the ending stands in the region that begins at `r`. */
const endsInRegion = (s: string, ending: string, r: number) => s.endsWith(ending) && s.length - ending.length >= r;

const UMLAUT = /[äöü]/;
const MARK_OR_UMLAUT = /[UYäöü]/g;
const UNMARKED: Record<string, string> = { U: 'u', Y: 'y', ä: 'a', ö: 'o', ü: 'u' };

const STEP1 = byLastLetter(['em', 'ern', 'er', 'e', 'en', 'es', 's']);
const STEP2 = byLastLetter(['en', 'er', 'est', 'st']);
const STEP3 = byLastLetter(['end', 'ung', 'ig', 'ik', 'isch', 'lich', 'heit', 'keit']);

/** Snowball German stem of a lower-case word. */
export function snowballGerman(word: string): string {
  let w = word.includes('ß') ? word.replaceAll('ß', 'ss') : word;
  // "u" and "y" between vowels are consonants: marked upper case until the end (a mark made is no vowel for the
  // next one: "auua" is "aUua").
  let marked = false;
  for (let i = 1; i + 1 < w.length; i++) {
    const c = w[i];
    if ((c === 'u' || c === 'y') && isVowel(w[i - 1]) && isVowel(w[i + 1])) {
      w = `${w.slice(0, i)}${c === 'u' ? 'U' : 'Y'}${w.slice(i + 1)}`;
      marked = true;
    }
  }
  const [r1, r2] = regions(w);

  // Step 1.
  const e1 = longestEnding(w, STEP1);
  if (e1 && w.length - e1.length >= r1) {
    const stem = w.slice(0, -e1.length);
    if (e1 === 'em' || e1 === 'ern' || e1 === 'er') w = stem;
    else if (e1 === 's') {
      if (S_ENDING.test(stem)) w = stem;
    } else w = stem.endsWith('niss') ? stem.slice(0, -1) : stem;
  }

  // Step 2.
  const e2 = longestEnding(w, STEP2);
  if (e2 && w.length - e2.length >= r1) {
    const stem = w.slice(0, -e2.length);
    if (e2 !== 'st') w = stem;
    else if (ST_ENDING.test(stem) && stem.length - 1 >= 3) w = stem;
  }

  // Step 3.
  const e3 = longestEnding(w, STEP3);
  if (e3 && w.length - e3.length >= r2) {
    const stem = w.slice(0, -e3.length);
    if (e3 === 'end' || e3 === 'ung') {
      w = endsInRegion(stem, 'ig', r2) && !stem.endsWith('eig') ? stem.slice(0, -2) : stem;
    } else if (e3 === 'ig' || e3 === 'ik' || e3 === 'isch') {
      if (!stem.endsWith('e')) w = stem;
    } else if (e3 === 'lich' || e3 === 'heit') {
      // "er" or "en" before it goes where it stands in R1 (not R2).
      w = endsInRegion(stem, 'er', r1) || endsInRegion(stem, 'en', r1) ? stem.slice(0, -2) : stem;
    } else {
      // keit
      const before = stem.endsWith('lich') ? 'lich' : stem.endsWith('ig') ? 'ig' : undefined;
      w = before && endsInRegion(stem, before, r2) ? stem.slice(0, -before.length) : stem;
    }
  }

  // The marks and umlauts undone.
  return marked || UMLAUT.test(w) ? w.replace(MARK_OR_UMLAUT, (c) => UNMARKED[c] as string) : w;
}
