import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF read back with poppler-utils (Debian's package), tools that share no code with the library that wrote it. */
export interface ReadPdf {
  /** Where the PDF and its renderings were written (kept, to look at after a failure). */
  dir: string;
  /** pdftotext -layout, page 1. */
  text: string;
  /** pdffonts: one line per font. */
  fonts: string;
  /** Page 1 as pdftoppm -png wrote it. */
  png: { path: string; width: number; height: number };
  /** Page 1 at the same resolution as raw RGB (pdftoppm's PPM), for looking at pixels. */
  pixels: { width: number; height: number; rgb: Buffer; at(x: number, y: number): [number, number, number] };
}

export function readPdf(pdf: Uint8Array, dpi = 72): ReadPdf {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
  const file = join(dir, 'certificate.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
  const pngPath = join(dir, 'page.png');
  const png = readFileSync(pngPath);
  // IHDR is the first chunk: width and height, big-endian, at bytes 16 and 20.
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
  return { dir, text, fonts, png: { path: pngPath, ...size }, pixels: parsePpm(readFileSync(join(dir, 'page.ppm'))) };
}

/** Binary PPM (P6, maxval 255): "P6 <width> <height> 255" then one whitespace, then RGB triples row by row. */
function parsePpm(data: Buffer): ReadPdf['pixels'] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM with maxval 255');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgb = data.subarray(header[0].length);
  if (rgb.length !== width * height * 3) throw new Error(`PPM has ${rgb.length} bytes of pixels, expected ${width * height * 3}`);
  return {
    width,
    height,
    rgb,
    at: (x, y) => {
      const i = (y * width + x) * 3;
      return [rgb[i], rgb[i + 1], rgb[i + 2]];
    },
  };
}
