import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DejaVu (from npm): wide Unicode coverage, so any name an applicant registers is printed as written. */
const FILES = {
  serif: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
  serifBold: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  sans: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  sansBold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export type CertificateFontName = keyof typeof FILES;

let loaded: Record<CertificateFontName, Uint8Array> | undefined;

/** The font files, read once per process. */
export function certificateFonts(): Record<CertificateFontName, Uint8Array> {
  loaded ??= {
    serif: readFileSync(require.resolve(FILES.serif)),
    serifBold: readFileSync(require.resolve(FILES.serifBold)),
    sans: readFileSync(require.resolve(FILES.sans)),
    sansBold: readFileSync(require.resolve(FILES.sansBold)),
  };
  return loaded;
}
