// SPDX-License-Identifier: EUPL-1.2
// The area analysis as a tagged PDF (pdfkit, A4, the standard Helvetica fonts, lang nl-NL, H1/H2/P/L
// structure so screen readers read it in order): each section's text (the staff's edit where there
// is one) and its figures with source and year. The standard fonts cover Windows-1252 only: text
// goes through the letters' pdfSafe (other characters fall back to their base letter or '?').
import PDFDocument from 'pdfkit';
import type { AnalysisView } from './routes.js';
import { formatFigure, sourceNote } from './generate.js';
import { pdfSafe } from '../../initiatives/letter-pdf.js';

export async function renderAnalysisPdf(analysis: AnalysisView, municipalityName: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const title = `Wijkanalyse ${analysis.area.name} (${analysis.period})`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: pdfSafe(title), Author: pdfSafe(`Gemeente ${municipalityName}`), Creator: 'Wijkwijs', Producer: 'Wijkwijs (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  const document = doc.struct('Document');
  doc.addStructure(document);
  const add = (tag: string, draw: () => void) => document.add(doc.struct(tag, {}, draw));

  add('H1', () => doc.font('Helvetica-Bold').fontSize(18).fillColor('#1a1a1a').text(pdfSafe(title), { width }));
  add('P', () =>
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#4d4d4d')
      .text(pdfSafe(`Gemeente ${municipalityName} - gebiedscode ${analysis.area.code}`), { width }),
  );
  doc.moveDown();
  const sections = [...analysis.sections.filter((s) => s.key !== 'notable'), ...analysis.sections.filter((s) => s.key === 'notable')];
  for (const section of sections) {
    add('H2', () => doc.font('Helvetica-Bold').fontSize(13).fillColor('#1a1a1a').text(pdfSafe(section.heading.nl), { width }));
    doc.moveDown(0.3);
    for (const paragraph of (section.editedText ?? section.text.nl).split(/\n\s*\n/).filter((p) => p.trim() !== '')) {
      add('P', () => doc.font('Helvetica').fontSize(10.5).fillColor('#1a1a1a').text(pdfSafe(paragraph.trim()), { width }));
      doc.moveDown(0.4);
    }
    const facts = section.key === 'notable' ? [] : section.facts;
    if (facts.length > 0) {
      add('L', () => {
        for (const f of facts) {
          const figure =
            f.value.value !== null && (f.value.status === 'ok' || f.value.status === 'rounded')
              ? formatFigure(f.value.value, f.indicator, 'nl')
              : f.value.status === 'suppressed'
                ? 'afgeschermd'
                : 'niet bekend';
          doc
            .font('Helvetica')
            .fontSize(9.5)
            .fillColor('#1a1a1a')
            .text(pdfSafe(`- ${f.indicator.name.nl}: ${figure} ${sourceNote(f.value, 'nl')}`), { width, indent: 8 });
        }
      });
    }
    if (section.editedText !== null) {
      add('P', () =>
        doc
          .font('Helvetica-Oblique')
          .fontSize(8.5)
          .fillColor('#4d4d4d')
          .text(pdfSafe(`Tekst aangepast door ${section.editedBy ?? 'een medewerker'}.`), { width }),
      );
    }
    doc.moveDown();
  }
  add('P', () =>
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor('#4d4d4d')
      .text(
        pdfSafe('Alleen verschillen die statistisch betrouwbaar zijn, heten opvallend. Bronnen: CBS (CC BY 4.0), Politie, bewonersenquête van de gemeente.'),
        {
          width,
        },
      ),
  );
  document.end();
  doc.end();
  return done;
}
