import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { certificateFonts, type CertificateFontName } from './certificate-fonts.js';

/** What a certificate says, already in words and dates as printed. */
export interface CertificateContent {
  associationName: string;
  tagline?: string;
  primaryColor: string;
  accentColor: string;
  holderName: string;
  categoryName: string;
  endorsementNumber: string;
  endorsedOn: string;
  renewalDueOn: string;
  verifyUrl: string;
  /** The PDF's creation date. */
  issuedAt: Date;
}

// US Letter, landscape, in points.
const WIDTH = 792;
const HEIGHT = 612;
const MARGIN = 72;
const INK = rgb(0.11, 0.11, 0.11);
const MUTED = rgb(0.33, 0.33, 0.33);

/** The certificate as a one-page PDF, fonts embedded (subset), drawn from the content alone. */
export async function renderCertificate(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const files = certificateFonts();
  const fonts = {} as Record<CertificateFontName, PDFFont>;
  for (const name of Object.keys(files) as CertificateFontName[]) fonts[name] = await pdf.embedFont(files[name], { subset: true });
  pdf.setTitle(`${content.categoryName} Endorsement certificate: ${content.holderName}`);
  pdf.setAuthor(content.associationName);
  pdf.setSubject(`Endorsement ${content.endorsementNumber}`);
  pdf.setCreator(content.associationName);
  pdf.setCreationDate(content.issuedAt);
  pdf.setModificationDate(content.issuedAt);

  const page = pdf.addPage([WIDTH, HEIGHT]);
  const primary = hex(content.primaryColor);
  const accent = hex(content.accentColor);
  page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: primary, borderWidth: 6 });
  page.drawRectangle({ x: 36, y: 36, width: WIDTH - 72, height: HEIGHT - 72, borderColor: accent, borderWidth: 1.5 });

  const line = centred(page, WIDTH - 2 * MARGIN);
  let y = HEIGHT - 100;
  y = line(content.associationName, fonts.sansBold, 22, y, primary);
  if (content.tagline) y = line(content.tagline, fonts.sans, 10, y - 6, MUTED);
  page.drawLine({ start: { x: WIDTH / 2 - 120, y: y - 14 }, end: { x: WIDTH / 2 + 120, y: y - 14 }, thickness: 2, color: accent });
  y = line('This certifies that', fonts.serif, 16, y - 60, INK);
  y = line(content.holderName, fonts.serifBold, 34, y - 22, INK);
  y = line('holds the Endorsement as', fonts.serif, 16, y - 22, INK);
  line(content.categoryName, fonts.sansBold, 24, y - 18, primary);

  const facts: [string, string][] = [
    ['Endorsement number', content.endorsementNumber],
    ['Endorsed on', content.endorsedOn],
    ['Renewal due by', content.renewalDueOn],
  ];
  facts.forEach(([label, value], i) => {
    const x = MARGIN + 24 + i * ((WIDTH - 2 * MARGIN - 48) / 3);
    page.drawText(label, { x, y: 150, size: 10, font: fonts.sans, color: MUTED });
    page.drawText(value, { x, y: 132, size: 13, font: fonts.sansBold, color: INK });
  });
  // A printed certificate cannot show a later lapse; this is where to find out.
  line(`Check that this Endorsement is current: ${content.verifyUrl}`, fonts.sans, 9, 80, MUTED);
  return pdf.save();
}

/** Draws one line centred, shrunk to fit the width; returns its baseline. */
function centred(page: PDFPage, maxWidth: number) {
  return (text: string, font: PDFFont, size: number, y: number, color: RGB): number => {
    const fitted = Math.min(size, (size * maxWidth) / font.widthOfTextAtSize(text, size));
    const baseline = y - fitted;
    page.drawText(text, { x: (WIDTH - font.widthOfTextAtSize(text, fitted)) / 2, y: baseline, size: fitted, font, color });
    return baseline;
  };
}

function hex(color: string): RGB {
  const n = Number.parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}
