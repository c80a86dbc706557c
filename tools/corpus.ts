import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAppeal } from "../src/lib/appeal.ts";

/** One synthetic article, as the generator wrote it. */
export interface GeneratedArticle {
  readonly slug: string;
  readonly title: string;
  /** ISO 8601 with offset. */
  readonly published: string;
  readonly credit: string;
  readonly section: string;
  readonly tags: readonly string[];
  /** One line of the body each, exactly as written to the `.txt` file. */
  readonly paragraphs: readonly string[];
}

export interface Corpus {
  /** Holds `articles/*.txt` and `appeals/*.txt`: the site's `CONTENT_DIR`. */
  readonly contentDir: string;
  /** The same articles as Markdown with front matter, for the baselines. */
  readonly markdownDir: string;
  /** The appeal as the baselines read it: `{ [id]: { heading, paragraphs, dismissLabel, snoozeDays } }`. */
  readonly appealJson: string;
  /** The site's appeal, copied in, and its id. */
  readonly appealId: string;
  readonly articleCount: number;
  /** Words in all article bodies. */
  readonly words: number;
  /** Bytes of all `.txt` articles. */
  readonly bytes: number;
}

const ENGLISH = (
  "the of and to in a that for on with as by at from it is was were said has have had will would could " +
  "government president minister parliament ministry officials agency court ruling law bill vote election " +
  "campaign opposition activists protest police arrest detained sentenced charges prosecutors investigation " +
  "report statement interview spokesman spokeswoman according sources told reporters week month year day " +
  "Monday Tuesday Wednesday Thursday Friday Saturday Sunday region city village border war troops army " +
  "defense security attack drone strike missile oil gas exports sanctions economy budget inflation ruble " +
  "prices central bank rate growth companies market shares investors energy pipeline deal talks agreement " +
  "meeting summit visit delegation foreign western European Asian neighboring countries allies partners " +
  "residents families workers students teachers doctors hospital school media journalists newspaper channel " +
  "online platform access blocked restrictions rules new former current local federal regional national " +
  "public private independent official first second last next several many few more most than about after " +
  "before during while since despite amid over under against between among into through without also not " +
  "only still already again however because although which who whose where when what this these those " +
  "their its his her our they he she we"
).split(" ");

const CYRILLIC = (
  "Москва Кремль правительство президент министр Госдума закон суд решение выборы оппозиция протест " +
  "полиция задержан приговор расследование заявление источник неделя месяц регион город граница армия " +
  "оборона санкции экономика бюджет инфляция рубль нефть газ банк рынок соглашение переговоры встреча " +
  "визит союзники жители семьи работники студенты журналисты газета канал доступ ограничения новый " +
  "бывший местный федеральный независимый официальный"
).split(" ");

const NAMES = [
  "Vladimir Putin",
  "Dmitry Peskov",
  "Sergei Lavrov",
  "Elvira Nabiullina",
  "Alexei Navalny",
  "Sadyr Japarov",
  "Kassym-Jomart Tokayev",
  "Ekaterina Schulmann",
  "Рамзан Кадыров",
  "Сергей Собянин",
  "Мария Захарова",
];

const PLACES = [
  "Moscow",
  "St. Petersburg",
  "Kyrgyzstan",
  "Kazakhstan",
  "Yakutsk",
  "Novosibirsk",
  "Kaliningrad",
  "Bishkek",
  "Екатеринбург",
  "Казань",
  "Владивосток",
];

/** Sections as a Russian-English newsroom names them, the Russian edition's in Cyrillic. */
const SECTIONS = [
  "News",
  "Business",
  "Opinion",
  "Arts and Life",
  "Climate",
  "Ukraine War",
  "Новости",
  "Мнения",
];

/** Tags as editors write them: places, people, topics, in Latin, Cyrillic and Persian script. */
const TAGS = [
  ...PLACES,
  ...NAMES,
  "Russia",
  "Ukraine",
  "Belarus",
  "Iran",
  "Central Asia",
  "Sanctions",
  "Oil and Gas",
  "Central Bank",
  "Elections",
  "State Duma",
  "Censorship",
  "Human Rights",
  "Mobilization",
  "Economy",
  "Energy",
  "Migration",
  "Culture",
  "Covid-19",
  "Россия",
  "Санкции",
  "Экономика",
  "Мобилизация",
  "Цензура",
  "ایران",
  "تحریم‌ها",
];
const CREDITS = ["AFP", "Reuters", "The Moscow Times", "Interfax", "AP", "Meduza"];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus on any machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = random(seed);
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  word(): string {
    return this.chance(0.08) ? this.pick(CYRILLIC) : this.pick(ENGLISH);
  }

  /** A sentence of news prose: words, names, figures and the punctuation plain text must keep. */
  sentence(): string {
    const words: string[] = [];
    const length = this.int(8, 30);
    while (words.length < length) {
      const roll = this.#next();
      if (roll < 0.04) words.push(this.pick(NAMES));
      else if (roll < 0.07) words.push(this.pick(PLACES));
      else if (roll < 0.08) words.push(`$${this.int(2, 900)} million`);
      else if (roll < 0.09) words.push(`${this.int(1, 99)}%`);
      else if (roll < 0.1) words.push(`"${this.word()} ${this.word()}"`);
      else if (roll < 0.11) words.push(`${this.pick(PLACES)}'s`);
      else if (roll < 0.115) words.push(this.pick(["R&D", "<10", "5 * 3", "#1", "C++", "a_b", "1 > 0"]));
      else words.push(this.word());
      if (this.chance(0.07) && words.length < length - 1) words[words.length - 1] += ",";
      else if (this.chance(0.015)) words.push("—");
    }
    const text = words.join(" ").replace(/,$/u, "");
    const first = text.charAt(0).toLocaleUpperCase("en") + text.slice(1);
    return first + this.pick([".", ".", ".", ".", ".", "?", "!"]);
  }

  paragraph(): string {
    const sentences = Array.from({ length: this.int(1, 3) }, () => this.sentence());
    return sentences.join(" ");
  }

  title(): string {
    const words = Array.from({ length: this.int(6, 12) }, () => this.word());
    words[this.int(0, words.length - 1)] = this.pick(PLACES);
    return words.map((word) => word.charAt(0).toLocaleUpperCase("en") + word.slice(1)).join(" ");
  }
}

/** The i-th article (from 0) of the corpus a seed describes: 5–25 paragraphs, about 600 words. */
export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const writer = new Writer(seed * 1_000_003 + index);
  const title = writer.title();
  const slugWords = title
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .slice(0, 6);
  const day = new Date(Date.UTC(2015, 0, 1) + writer.int(0, 3650) * 86_400_000);
  return {
    slug: [...slugWords, String(index + 1).padStart(6, "0")].join("-"),
    title,
    published: `${day.toISOString().slice(0, 10)}T${String(writer.int(6, 22)).padStart(2, "0")}:${String(writer.int(0, 59)).padStart(2, "0")}:00+03:00`,
    credit: writer.pick(CREDITS),
    section: writer.pick(SECTIONS),
    // Drawn as many times as before, so titles and bodies stay those of earlier corpora; named once each.
    tags: [...new Set(Array.from({ length: writer.int(1, 4) }, () => writer.pick(TAGS)))],
    paragraphs: Array.from({ length: writer.int(5, 25) }, () => writer.paragraph()),
  };
}

function frontMatter(article: GeneratedArticle): string {
  // JSON strings are valid YAML double-quoted scalars, so any title survives.
  return [
    "---",
    `title: ${JSON.stringify(article.title)}`,
    `published: ${article.published}`,
    `credit: ${JSON.stringify(article.credit)}`,
    `section: ${JSON.stringify(article.section)}`,
    `tags: [${article.tags.map((tag) => JSON.stringify(tag)).join(", ")}]`,
    "---",
  ].join("\n");
}

/** The article as the site reads it: front matter, then one paragraph per line. */
export function toPlainText(article: GeneratedArticle): string {
  return `${frontMatter(article)}\n${article.paragraphs.join("\n")}\n`;
}

/** The same article as a Markdown blog post: paragraphs separated by blank lines. */
export function toMarkdown(article: GeneratedArticle): string {
  return `${frontMatter(article)}\n\n${article.paragraphs.join("\n\n")}\n`;
}

export const APPEAL_ID = "moscow-times";
const SITE_APPEAL = new URL(`../src/content/appeals/${APPEAL_ID}.txt`, import.meta.url);

/**
 * Writes `count` articles into `dir`: `content/articles/*.txt` plus the site's
 * appeal in `content/appeals/`, and the same articles as `markdown/*.md` with
 * the appeal as `appeals.json`.
 */
export async function writeCorpus(dir: string, count: number, seed = 1): Promise<Corpus> {
  const contentDir = join(dir, "content");
  const markdownDir = join(dir, "markdown");
  await Promise.all(
    [join(contentDir, "articles"), join(contentDir, "appeals"), markdownDir].map((folder) =>
      mkdir(folder, { recursive: true }),
    ),
  );
  const appeal = await readFile(SITE_APPEAL, "utf8");
  await writeFile(join(contentDir, "appeals", `${APPEAL_ID}.txt`), appeal);
  // The site's own parser, so the baselines show the same appeal (its snooze default included).
  const { heading, paragraphs, dismissLabel, snoozeDays } = parseAppeal(appeal, fileURLToPath(SITE_APPEAL));
  const appealJson = join(dir, "appeals.json");
  await writeFile(
    appealJson,
    JSON.stringify({ [APPEAL_ID]: { heading, paragraphs, dismissLabel, snoozeDays } }),
  );
  let words = 0;
  let bytes = 0;
  const BATCH = 200;
  for (let start = 0; start < count; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      const article = generateArticle(index, seed);
      const text = toPlainText(article);
      words += article.paragraphs.reduce((sum, paragraph) => sum + paragraph.split(" ").length, 0);
      bytes += Buffer.byteLength(text);
      writes.push(
        writeFile(join(contentDir, "articles", `${article.slug}.txt`), text),
        writeFile(join(markdownDir, `${article.slug}.md`), toMarkdown(article)),
      );
    }
    await Promise.all(writes);
  }
  return { contentDir, markdownDir, appealJson, appealId: APPEAL_ID, articleCount: count, words, bytes };
}
