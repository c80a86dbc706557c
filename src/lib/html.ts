const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Plain text as HTML text content that shows exactly that text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/gu, (character) => HTML_ESCAPES[character] ?? character);
}
