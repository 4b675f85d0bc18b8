// SPDX-License-Identifier: EUPL-1.2
// A letter model (letters.ts) as PDF with pdfkit: A4, the standard Helvetica fonts (nothing to
// embed or download), tagged (PDF/UA structure: H1, H2, P, Table with TH/TD) with lang nl-NL and
// the title shown in the viewer, so screen readers read it in order. The creation date is the
// letter's date, so the same decision renders to the same text every time.
// The standard fonts only cover Windows-1252: other characters (e.g. in a name) fall back to their
// base letter (ő → o) or '?'.
import PDFDocument from 'pdfkit';
import type { LetterBlock, LetterModel, Run } from './letters.js';

export interface PdfOptions {
  /** Uncompressed content streams (tests search the text). Default: compressed. */
  compress?: boolean;
}

const WIN_1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard PDF fonts can show: Latin-1 and the Windows-1252 extras; else the base letter, else '?'. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || code === 0x0a || (code >= 0xa0 && code <= 0xff) || WIN_1252_EXTRA.has(char)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base.length > 0 && [...base].every((c) => c.codePointAt(0)! < 0x80) ? base : '?';
  }
  return out;
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 72;

export async function renderLetterPdf(letter: LetterModel, options: PdfOptions = {}): Promise<Buffer> {
  const [y, m, d] = letter.date.split('-').map(Number);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: pdfSafe(letter.title),
      Author: pdfSafe(`Gemeente ${letter.municipalityName}`),
      Subject: pdfSafe(`Kenmerk ${letter.reference}`),
      Creator: 'Wijkwijs',
      Producer: 'Wijkwijs (pdfkit)',
      CreationDate: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const document = doc.struct('Document');
  doc.addStructure(document);
  const add = (tag: string, draw: () => void) => document.add(doc.struct(tag, {}, draw));

  add('P', () => {
    doc
      .font(BOLD)
      .fontSize(10)
      .fillColor('#1a1a1a')
      .text(pdfSafe(`Gemeente ${letter.municipalityName}`));
  });
  doc.moveDown(2);
  add('H1', () => {
    doc.font(BOLD).fontSize(16).text(pdfSafe(letter.title), { width });
  });
  doc.moveDown(0.5);
  for (const block of letter.blocks) drawBlock(doc, block, width, add, document);
  document.end();
  doc.end();
  return done;
}

type Add = (tag: string, draw: () => void) => void;

function drawRuns(doc: PDFKit.PDFDocument, runs: Run[], width: number): void {
  doc.fontSize(11);
  runs.forEach((run, index) => {
    const last = index === runs.length - 1;
    const text = pdfSafe(typeof run === 'string' ? run : run.strong);
    doc.font(typeof run === 'string' ? FONT : BOLD).text(text, { width, continued: !last, lineGap: 2 });
  });
}

function drawBlock(doc: PDFKit.PDFDocument, block: LetterBlock, width: number, add: Add, document: PDFKit.PDFStructureElement): void {
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.6);
      add('H2', () => {
        doc.font(BOLD).fontSize(12.5).text(pdfSafe(block.text), { width });
      });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      add('P', () => drawRuns(doc, block.runs, width));
      doc.moveDown(0.6);
      return;
    case 'lines':
      add('P', () => {
        doc
          .font(FONT)
          .fontSize(11)
          .text(pdfSafe(block.lines.join('\n')), { width, lineGap: 2 });
      });
      doc.moveDown(0.6);
      return;
    case 'table': {
      const table = doc.struct('Table');
      document.add(table);
      table.add(
        doc.struct('Caption', {}, () => {
          doc.font(BOLD).fontSize(10).text(pdfSafe(block.caption), { width });
        }),
      );
      doc.moveDown(0.2);
      const labelWidth = Math.round(width * 0.6);
      for (const [label, amount] of block.rows) {
        const top = doc.y;
        const row = doc.struct('TR');
        table.add(row);
        row.add(
          doc.struct('TH', {}, () => {
            doc.font(FONT).fontSize(11).text(pdfSafe(label), MARGIN, top, { width: labelWidth });
          }),
        );
        row.add(
          doc.struct('TD', {}, () => {
            doc
              .font(FONT)
              .fontSize(11)
              .text(pdfSafe(amount), MARGIN + labelWidth, top, { width: width - labelWidth, align: 'right' });
          }),
        );
        row.end();
        const bottom = doc.y + 2;
        doc.markContent('Artifact', { type: 'Layout' });
        doc
          .moveTo(MARGIN, bottom)
          .lineTo(MARGIN + width, bottom)
          .lineWidth(0.5)
          .strokeColor('#767676')
          .stroke();
        doc.endMarkedContent();
        doc.x = MARGIN;
        doc.y = bottom + 4;
      }
      table.end();
      doc.moveDown(0.6);
      return;
    }
  }
}
