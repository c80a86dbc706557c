import { experimental_AstroContainer as AstroContainer } from "astro/container";
import Article from "../../src/components/Article.astro";
import Pagination from "../../src/components/Pagination.astro";
import ReaderAppeal from "../../src/components/ReaderAppeal.astro";
import type { Appeal } from "../../src/lib/appeal.ts";
import type { Article as ArticleData } from "../../src/lib/article.ts";
import { DEFAULT_EDITION } from "../../src/consts.ts";
import type { Edition } from "../../src/lib/editions.ts";
import type { PagerLinks } from "../../src/lib/pager.ts";

let container: AstroContainer | undefined;

async function getContainer(): Promise<AstroContainer> {
  container ??= await AstroContainer.create();
  return container;
}

/** Renders the real `Article` component to HTML through Astro's Container API. */
export async function renderArticle(
  article: ArticleData,
  edition: Edition = DEFAULT_EDITION,
): Promise<string> {
  return (await getContainer()).renderToString(Article, { props: { article, lang: edition.lang } });
}

/** Renders the real `ReaderAppeal` component to HTML through Astro's Container API. */
export async function renderAppeal(appeal: Appeal, edition: Edition = DEFAULT_EDITION): Promise<string> {
  return (await getContainer()).renderToString(ReaderAppeal, { props: { appeal, lang: edition.lang } });
}

/** Renders the real `Pagination` component (the nav below a list page) through Astro's Container API. */
export async function renderPagination(
  props: { list: string; page: number; links: PagerLinks },
  edition: Edition = DEFAULT_EDITION,
): Promise<string> {
  return (await getContainer()).renderToString(Pagination, { props: { ...props, edition } });
}
