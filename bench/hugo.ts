import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Corpus } from "../tools/corpus.ts";

const GLOBAL_CSS = new URL("../src/styles/global.css", import.meta.url);

/**
 * Writes a minimal Hugo site into `dir` that renders the corpus's Markdown
 * articles into the same page as the site's: headline, dateline, body, appeal,
 * styles inline. Only article pages are built, as in the other two builds.
 */
export async function writeHugoSite(dir: string, corpus: Corpus): Promise<void> {
  await mkdir(join(dir, "layouts", "_default"), { recursive: true });
  await mkdir(join(dir, "data"), { recursive: true });
  const appeals = JSON.parse(await readFile(corpus.appealJson, "utf8")) as Record<string, unknown>;
  await writeFile(join(dir, "data", "appeal.json"), JSON.stringify(appeals[corpus.appealId]));
  await writeFile(
    join(dir, "hugo.toml"),
    [
      'baseURL = "https://news.example.org/"',
      'languageCode = "en"',
      'title = "The Moscow Times"',
      `contentDir = ${JSON.stringify(corpus.markdownDir)}`,
      'disableKinds = ["taxonomy", "term", "home", "section", "RSS", "sitemap", "robotsTXT", "404"]',
      "[frontmatter]",
      'date = ["published"]',
      "[permalinks]",
      'markdown = "/articles/:filename/"',
      "",
    ].join("\n"),
  );
  const css = await readFile(GLOBAL_CSS, "utf8");
  await writeFile(
    join(dir, "layouts", "_default", "single.html"),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{{ .Title }} - {{ site.Title }}</title>
    <meta name="description" content="{{ .Title }}" />
    <style>${css}</style>
  </head>
  <body>
    <main>
      <article id="article">
        <header>
          <h1>{{ .Title }}</h1>
          <p class="dateline"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.credit }} · {{ . }}{{ end }}</p>
        </header>
        {{ .Content }}
      </article>
      {{ with site.Data.appeal }}
      <aside class="appeal" aria-labelledby="appeal-heading">
        <h2 id="appeal-heading">{{ .heading }}</h2>
        {{ range .paragraphs }}<p>{{ . }}</p>{{ end }}
        <button type="button" class="appeal-dismiss">{{ .dismissLabel }}</button>
      </aside>
      {{ end }}
    </main>
  </body>
</html>
`,
  );
}
