// WCAG 2 contrast from the colours a browser computed (getComputedStyle),
// written from the definitions in WCAG 2.2 ("relative luminance", "contrast
// ratio"), independently of the site's stylesheet.

/** An sRGB colour: channels 0–255, alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/**
 * Parses a computed colour: `rgb()`/`rgba()` (comma or space syntax) or
 * `color(srgb …)`. Anything else is undefined, so that a colour the check
 * cannot read is reported, never passed.
 */
export function parseColor(value: string): Rgba | undefined {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/u.exec(value);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] === "%" ? 100 : 1);
    return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha };
  }
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*(?:\/\s*([\d.]+))?\)$/u.exec(value);
  if (srgb) {
    const [r, g, b] = [srgb[1], srgb[2], srgb[3]].map((channel) => Number(channel) * 255) as [
      number,
      number,
      number,
    ];
    return { r, g, b, a: srgb[4] === undefined ? 1 : Number(srgb[4]) };
  }
  return undefined;
}

/** `top` painted over the opaque colour `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(one: Rgba, other: Rgba): number {
  const [light, dark] = [relativeLuminance(one), relativeLuminance(other)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** One element's painted layers, as the browser computed them, from the element up to `<html>`. */
export interface Layers {
  readonly backgrounds: readonly { color: string; image: string; opacity: string }[];
  /** The canvas colour under `<html>` (the browser's `Canvas` system colour in this colour scheme). */
  readonly canvas: string;
}

/**
 * The opaque colour behind an element: its own and its ancestors'
 * backgrounds painted over the canvas. A background image or a partly
 * transparent ancestor cannot be measured this way: that is an error.
 */
export function backdrop(layers: Layers): Rgba {
  let colour = parseColor(layers.canvas);
  if (!colour) throw new Error(`unreadable canvas colour ${layers.canvas}`);
  for (const layer of [...layers.backgrounds].reverse()) {
    if (layer.image !== "none") throw new Error(`a background image (${layer.image}) cannot be measured`);
    if (layer.opacity !== "1") throw new Error(`opacity ${layer.opacity} cannot be measured`);
    const background = parseColor(layer.color);
    if (!background) throw new Error(`unreadable background colour ${layer.color}`);
    colour = composite(background, colour);
  }
  return colour;
}

/** The contrast of a foreground colour (which may be translucent) over the layers behind it. */
export function contrastOver(foreground: string, layers: Layers): number {
  const behind = backdrop(layers);
  const colour = parseColor(foreground);
  if (!colour) throw new Error(`unreadable colour ${foreground}`);
  return contrastRatio(composite(colour, behind), behind);
}
