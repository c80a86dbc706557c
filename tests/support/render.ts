import { experimental_AstroContainer as AstroContainer } from "astro/container";
import Article from "../../src/components/Article.astro";
import Pagination from "../../src/components/Pagination.astro";
import ReaderAppeal from "../../src/components/ReaderAppeal.astro";
import type { Appeal } from "../../src/lib/appeal.ts";
import type { Article as ArticleData } from "../../src/lib/article.ts";
import type { PagerLinks } from "../../src/lib/pager.ts";

let container: AstroContainer | undefined;

async function getContainer(): Promise<AstroContainer> {
  container ??= await AstroContainer.create();
  return container;
}

/** Renders the real `Article` component to HTML through Astro's Container API. */
export async function renderArticle(article: ArticleData): Promise<string> {
  return (await getContainer()).renderToString(Article, { props: { article } });
}

/** Renders the real `ReaderAppeal` component to HTML through Astro's Container API. */
export async function renderAppeal(appeal: Appeal): Promise<string> {
  return (await getContainer()).renderToString(ReaderAppeal, { props: { appeal } });
}

/** Renders the real `Pagination` component (the nav below a list page) through Astro's Container API. */
export async function renderPagination(props: {
  list: string;
  page: number;
  links: PagerLinks;
}): Promise<string> {
  return (await getContainer()).renderToString(Pagination, { props });
}
