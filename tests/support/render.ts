import { experimental_AstroContainer as AstroContainer } from "astro/container";
import Article from "../../src/components/Article.astro";
import ReaderAppeal from "../../src/components/ReaderAppeal.astro";
import type { Appeal } from "../../src/lib/appeal.ts";
import type { Article as ArticleData } from "../../src/lib/article.ts";

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
