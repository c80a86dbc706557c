import { crc32, deflateSync } from "node:zlib";

// The ZIM file's 48×48 illustration, drawn here rather than kept as a binary
// file: a page of text, dark lines on white, on the site's dark ground. The
// same code always gives the same bytes.

export const ILLUSTRATION_SIZE = 48;

const GROUND = [0x1f, 0x29, 0x37];
const PAPER = [0xff, 0xff, 0xff];
const INK = [0x4b, 0x55, 0x63];

function colorAt(x: number, y: number): readonly number[] {
  const onPage = x >= 10 && x < 38 && y >= 6 && y < 42;
  if (!onPage) return GROUND;
  const onLine = x >= 14 && x < 34 && y >= 11 && y < 38 && (y - 11) % 5 < 2;
  const headline = y < 13 ? x < 30 : x < (y > 33 ? 26 : 34);
  return onLine && headline ? INK : PAPER;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, check]);
}

/** The illustration as a PNG file: 8-bit RGB, no filter. */
export function illustrationPng(): Buffer {
  const size = ILLUSTRATION_SIZE;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, RGB, deflate, no filter method, no interlace
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter type: none
    for (let x = 0; x < size; x++) rows.push(...colorAt(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
