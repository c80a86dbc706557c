/** What the translation check reads of an article. */
export interface TranslatableArticle {
  readonly id: string;
  /** Its edition's code. */
  readonly edition: string;
  /** The id of its translation, if it names one. */
  readonly translation?: string | undefined;
}

/**
 * What is wrong with the translations articles name: a translation that does
 * not exist, is in the article's own edition, or does not name the article
 * back. One problem per article at most; empty when all is well.
 */
export function translationProblems(
  articles: ReadonlyMap<string, TranslatableArticle>,
): { readonly id: string; readonly problem: string }[] {
  const problems: { id: string; problem: string }[] = [];
  for (const article of articles.values()) {
    const { translation } = article;
    if (translation === undefined) continue;
    const other = articles.get(translation);
    const problem =
      other === undefined
        ? `translation "${translation}" is not an article`
        : other.edition === article.edition
          ? `translation "${translation}" is in the same edition ("${article.edition}"); a translation is in another`
          : other.translation !== article.id
            ? `translation "${translation}" does not name this article back: add "translation: ${article.id}" to it`
            : undefined;
    if (problem !== undefined) problems.push({ id: article.id, problem });
  }
  return problems;
}
