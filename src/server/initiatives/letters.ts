// SPDX-License-Identifier: EUPL-1.2
// Formal letters (beschikkingen) as accessible HTML: lang="nl", one h1, headings in order, amounts in
// a table with a caption and header cells, no colour-only meaning, readable without styles. Stored
// exactly as sent. (A PDF rendering needs a PDF library, which is not installed; see the report.)
import { formatCents } from '../../core/money.js';
import type { InitiativeRow } from './queries.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function longDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

function page(title: string, municipalityName: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — gemeente ${escapeHtml(municipalityName)}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #767676}td.amount{text-align:right;font-variant-numeric:tabular-nums}</style>
</head>
<body>
<header><p>Gemeente ${escapeHtml(municipalityName)}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface DecisionLetterInput {
  municipalityName: string;
  initiative: InitiativeRow;
  areaName: string;
  rulesName: string;
  decision: 'granted' | 'partly_granted' | 'refused';
  grantedCents: number;
  motivation: string;
  decidedOn: string;
  decidedAs: string;
  deciderName: string;
  advanceCents: number;
  finalAccountRequired: boolean;
}

const DECISION_WORDS = { granted: 'toegekend', partly_granted: 'gedeeltelijk toegekend', refused: 'afgewezen' } as const;

export function decisionLetter(input: DecisionLetterInput): string {
  const i = input.initiative;
  const title = `Besluit op uw aanvraag ${i.reference}`;
  const money =
    input.decision === 'refused'
      ? ''
      : `<h2>Bedragen</h2>
<table>
<caption>Bedragen van uw aanvraag en dit besluit</caption>
<tbody>
<tr><th scope="row">Gevraagd bedrag</th><td class="amount">${formatCents(i.requestedCents)}</td></tr>
<tr><th scope="row">Toegekend bedrag</th><td class="amount">${formatCents(input.grantedCents)}</td></tr>
<tr><th scope="row">Voorschot</th><td class="amount">${formatCents(input.advanceCents)}</td></tr>
</tbody>
</table>
<h2>Verantwoording</h2>
<p>${input.finalAccountRequired ? 'Na afloop legt u verantwoording af: de werkelijke kosten met bonnen en wat het initiatief heeft opgeleverd. Daarna stellen wij de subsidie vast; geld dat niet is uitgegeven, gaat terug naar het budget.' : 'Voor dit bedrag is geen verantwoording met bonnen nodig. Wel vragen wij u na afloop kort te laten weten wat het initiatief heeft opgeleverd.'}</p>`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p>Datum: ${longDate(input.decidedOn)}<br>Kenmerk: ${escapeHtml(i.reference)}</p>
<p>Beste ${escapeHtml(i.contactName)},</p>
<p>U vroeg ${formatCents(i.requestedCents)} voor het initiatief <strong>${escapeHtml(i.title)}</strong> in ${escapeHtml(input.areaName)}. Uw aanvraag is beoordeeld volgens de spelregels '${escapeHtml(input.rulesName)}' die golden op de dag van indienen (${i.submittedOn ? longDate(i.submittedOn) : 'onbekend'}).</p>
<h2>Besluit</h2>
<p>Uw aanvraag is <strong>${DECISION_WORDS[input.decision]}</strong>${input.decision === 'refused' ? '' : `: u ontvangt ${formatCents(input.grantedCents)}`}.</p>
<h2>Motivering</h2>
${paragraphs(input.motivation)}
${money}
<h2>Bent u het niet eens met dit besluit?</h2>
<p>Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij het college van burgemeester en wethouders (Algemene wet bestuursrecht, artikel 6:7). Vermeld het kenmerk ${escapeHtml(i.reference)} en waarom u het niet eens bent.</p>
<p>Met vriendelijke groet,<br>${escapeHtml(input.deciderName)}, ${escapeHtml(input.decidedAs)}<br>namens het college van burgemeester en wethouders van ${escapeHtml(input.municipalityName)}</p>`;
  return page(title, input.municipalityName, body);
}

export function inadmissibleLetter(input: {
  municipalityName: string;
  initiative: InitiativeRow;
  motivation: string;
  on: string;
  deciderName: string;
}): string {
  const i = input.initiative;
  const title = `Uw aanvraag ${i.reference} is niet ontvankelijk`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p>Datum: ${longDate(input.on)}<br>Kenmerk: ${escapeHtml(i.reference)}</p>
<p>Beste ${escapeHtml(i.contactName)},</p>
<p>Wij hebben uw aanvraag voor <strong>${escapeHtml(i.title)}</strong> niet in behandeling genomen.</p>
<h2>Motivering</h2>
${paragraphs(input.motivation)}
<h2>Bent u het niet eens met dit besluit?</h2>
<p>Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij het college van burgemeester en wethouders (Algemene wet bestuursrecht, artikel 6:7).</p>
<p>Met vriendelijke groet,<br>${escapeHtml(input.deciderName)}<br>namens het college van burgemeester en wethouders van ${escapeHtml(input.municipalityName)}</p>`;
  return page(title, input.municipalityName, body);
}

export function settlementLetter(input: {
  municipalityName: string;
  initiative: InitiativeRow;
  settledCents: number;
  paidBeforeCents: number;
  on: string;
  deciderName: string;
  note: string | null;
}): string {
  const i = input.initiative;
  const title = `Vaststelling van de subsidie ${i.reference}`;
  const difference = input.settledCents - input.paidBeforeCents;
  const body = `<h1>${escapeHtml(title)}</h1>
<p>Datum: ${longDate(input.on)}<br>Kenmerk: ${escapeHtml(i.reference)}</p>
<p>Beste ${escapeHtml(i.contactName)},</p>
<p>Wij hebben de subsidie voor <strong>${escapeHtml(i.title)}</strong> vastgesteld op ${formatCents(input.settledCents)}.</p>
<table>
<caption>Vaststelling</caption>
<tbody>
<tr><th scope="row">Toegekend</th><td class="amount">${formatCents(i.grantedCents ?? 0)}</td></tr>
${i.actualCostsCents !== null ? `<tr><th scope="row">Werkelijke kosten</th><td class="amount">${formatCents(i.actualCostsCents)}</td></tr>` : ''}
<tr><th scope="row">Vastgesteld</th><td class="amount">${formatCents(input.settledCents)}</td></tr>
<tr><th scope="row">Al betaald</th><td class="amount">${formatCents(input.paidBeforeCents)}</td></tr>
<tr><th scope="row">${difference >= 0 ? 'Nog te betalen' : 'Terug te betalen'}</th><td class="amount">${formatCents(Math.abs(difference))}</td></tr>
</tbody>
</table>
${input.note ? `<h2>Toelichting</h2>\n${paragraphs(input.note)}` : ''}
<p>Met vriendelijke groet,<br>${escapeHtml(input.deciderName)}<br>namens het college van burgemeester en wethouders van ${escapeHtml(input.municipalityName)}</p>`;
  return page(title, input.municipalityName, body);
}
