import { foldNormalized, normalizeWord, stripFeminine, stripInternalI } from './normalize';
import { stemGerman } from './stem';

/** One word of a text, with where it stands in that text. */
export interface Token {
  /** Offset of the first character in the source text (UTF-16 units). */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** Normalised form (lower case, umlauts kept, gender suffix removed). */
  norm: string;
  /** `norm` without umlauts. */
  fold: string;
  /** Snowball stem of `norm`. */
  stem: string;
  /** Written with a capital letter: a noun or a name (German compounds are nouns). */
  capitalised: boolean;
}

// Letters, combining marks (decomposed umlauts in PDFs), digits, and the
// invisible characters that some pages put inside words.
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]+/gu;
// A gender mark between a noun and "innen"/"in": Bürger*innen, Bürger:innen,
// Bürger_innen, Bürger/innen, Bürger/-innen, Bürger·innen.
const GENDER_GAP = /^(?:[*:_·•']|\/-?)$/;
const GENDER_TAIL = /^(?:innen|in|Innen|In)$/;

// Council texts repeat their words: each written form is normalised and
// stemmed once (stemmed only when first needed). Bounded so a huge page cannot grow it without end.
interface Form {
  norm: string;
  fold: string;
  capitalised: boolean;
  stem?: string;
}
const formCache = new Map<string, Form>();
const FORM_CACHE_LIMIT = 200_000;

// Plural of an abbreviation: "SDGs", "NGOs", "PoCs".
const ACRONYM_PLURAL = /^(\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu})s$/u;

function makeToken(start: number, end: number, baseSurface: string, needsStem?: (norm: string) => boolean): Token {
  let form = formCache.get(baseSurface);
  if (!form) {
    // The expressions only where they can apply (a word ending in "s"; see stripInternalI): run on every new
    // written form of a page while its code is cold, V8 interprets them.
    const surface = baseSurface.endsWith('s') ? baseSurface.replace(ACRONYM_PLURAL, '$1') : baseSurface;
    const internal = stripInternalI(surface);
    const first = internal.charAt(0);
    const capitalised = first !== first.toLowerCase();
    const norm = stripFeminine(normalizeWord(internal), capitalised);
    form = { norm, fold: foldNormalized(norm), capitalised };
    if (formCache.size > FORM_CACHE_LIMIT) formCache.clear();
    formCache.set(baseSurface, form);
  }
  let stem = form.stem;
  if (stem === undefined) {
    // Stemming is most of a token's cost: a word the caller has no use for keeps an empty stem (not remembered,
    // since another caller may need it).
    if (needsStem && !needsStem(form.norm)) stem = '';
    else stem = form.stem = stemGerman(form.norm);
  }
  return { start, end, norm: form.norm, fold: form.fold, stem, capitalised: form.capitalised };
}

/**
 * Splits German text into word tokens with offsets. Gender forms become one
 * token that spans the whole written form and normalises to the base noun, so
 * "Mitarbeiter*innen" matches "Mitarbeiter". Hyphenated compounds stay
 * separate tokens ("EU-Fördermittel" → "eu", "fördermittel"). With
 * `needsStem`, only the words it accepts (by their normalised form) are
 * stemmed; the others have an empty stem.
 */
export function tokenize(text: string, needsStem?: (norm: string) => boolean): Token[] {
  // One word ahead, straight from the expression's matches (a list of every word first was a second object per
  // word of every passage read: garbage the page's main thread then waited for the collector to clear).
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  let cur = WORD.exec(text);
  while (cur !== null) {
    const next = WORD.exec(text);
    const end = cur.index + cur[0].length;
    if (next !== null && GENDER_TAIL.test(next[0]) && GENDER_GAP.test(text.slice(end, next.index))) {
      tokens.push(makeToken(cur.index, next.index + next[0].length, cur[0], needsStem));
      cur = WORD.exec(text);
      continue;
    }
    tokens.push(makeToken(cur.index, end, cur[0], needsStem));
    cur = next;
  }
  return tokens;
}
