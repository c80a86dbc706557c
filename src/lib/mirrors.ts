import { SourceError } from "./errors.ts";

/** A copy of the site at another address, as the mirror list names it. */
export interface Mirror {
  /** The mirror's address, exactly as the list writes it. */
  readonly url: string;
  /** What readers see for it, or null when the line gives only the address. */
  readonly label: string | null;
}

/**
 * Parses the mirror list: one mirror a line, an absolute http(s) URL and,
 * after white space, an optional label. Blank lines and lines starting with
 * `#` are skipped. A line that is not a mirror is an error on its line.
 */
export function parseMirrorList(text: string, file: string): Mirror[] {
  const mirrors: Mirror[] = [];
  const seen = new Map<string, number>();
  text.split("\n").forEach((line, index) => {
    const number = index + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const [address = "", ...rest] = trimmed.split(/\s+/u);
    const label = rest.length === 0 ? null : trimmed.slice(address.length).trim();
    const problem = addressProblem(address);
    if (problem !== undefined) throw new SourceError(file, number, problem);
    const normalized = new URL(address).href;
    const earlier = seen.get(normalized);
    if (earlier !== undefined)
      throw new SourceError(file, number, `${address} is already listed on line ${earlier}`);
    seen.set(normalized, number);
    mirrors.push({ url: address, label });
  });
  return mirrors;
}

function addressProblem(address: string): string | undefined {
  if (!URL.canParse(address))
    return `"${address}" is not an absolute URL; a line is a URL, then an optional label`;
  const url = new URL(address);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `"${address}" is not an http:// or https:// address`;
  }
  if (url.username !== "" || url.password !== "") return `"${address}" holds a user name or password`;
  return undefined;
}

/** `mirrors.json`: the list as apps and bots read it, `[{"url": …, "label": …}]`. */
export function mirrorsJson(mirrors: readonly Mirror[]): string {
  return `${JSON.stringify(
    mirrors.map(({ url, label }) => ({ url, label })),
    null,
    2,
  )}\n`;
}
