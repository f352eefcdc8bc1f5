/** A quote's versions: the quotes the corpus links it to, with what is shown of each. */
import type { CorpusQuote } from './corpus';
import { byDate } from './documents';
import type { QuoteLink } from './types';

/** A quote linked to another, with the article it is in. */
export interface LinkedVersion {
  readonly link: QuoteLink;
  readonly quote: CorpusQuote;
  /** Title of the article the linked quote is in. */
  readonly title: string;
  /** How a reader names that article: its outlet where the text gives one, else its title. */
  readonly name: string;
  /** That article's date of publication, when its front matter gives one. */
  readonly date?: string;
  readonly sameArticle: boolean;
}

/** The corpus queries the versions need: a narrow view of `Corpus`. */
export interface LinkSource {
  linksOf(quoteId: string): QuoteLink[];
  quote(id: string): CorpusQuote | undefined;
  document(uri: string): { readonly title: string; readonly source?: string | null; readonly date?: string } | undefined;
}

/** The quotes linked to `quote` that still exist, in the order of its links. */
export function linkedQuotes(corpus: LinkSource, quote: CorpusQuote): LinkedVersion[] {
  const out: LinkedVersion[] = [];
  for (const link of corpus.linksOf(quote.id)) {
    const other = corpus.quote(link.to);
    if (!other) continue;
    const doc = corpus.document(other.uri);
    const date = doc?.date;
    const title = doc?.title ?? other.uri;
    out.push({ link, quote: other, title, name: doc?.source ?? title, ...(date ? { date } : {}), sameArticle: other.uri === quote.uri });
  }
  return out;
}

/**
 * The quotes linked to `quote` that still exist, as a card lists them: other articles first, then the
 * dated ones earliest first, then best score first.
 */
export function linkedVersions(corpus: LinkSource, quote: CorpusQuote): LinkedVersion[] {
  return linkedQuotes(corpus, quote).sort((a, b) => Number(a.sameArticle) - Number(b.sameArticle) || byDate(a, b) || b.link.score - a.link.score);
}
