// SPDX-License-Identifier: EUPL-1.2
// Formal letters (beschikkingen). Each letter is first a model (title, date, reference, headings,
// paragraphs, an amounts table, the signature), rendered two ways from that one model:
// - accessible HTML (here): lang="nl", one h1, headings in order, amounts in a table with a caption
//   and header cells, no colour-only meaning, readable without styles; stored exactly as sent;
// - PDF (letter-pdf.ts, pdfkit): the same text, tagged, for printing and archiving.
import { advancePayment, finalAccountRequired, requiredDeciderRole, type BudgetRules } from '../../core/mandates/index.js';
import { formatCents } from '../../core/money.js';
import type { InitiativeRow } from './queries.js';
import { escapeHtml } from '../http/html.js';

/** A run of text; `strong` is emphasised (bold in PDF, <strong> in HTML). */
export type Run = string | { strong: string };

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  /** Several short lines in one paragraph (date and reference, signature). */
  | { kind: 'lines'; lines: string[] }
  | { kind: 'table'; caption: string; rows: [label: string, amount: string][] };

export interface LetterModel {
  title: string;
  municipalityName: string;
  /** The letter's date (YYYY-MM-DD), also the PDF's creation date. */
  date: string;
  reference: string;
  blocks: LetterBlock[];
}

/** Free text (a motivation) as paragraphs: blank lines separate them. */
function textParagraphs(text: string): LetterBlock[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'paragraph', runs: [p] }));
}

export function longDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

// ---- HTML -----------------------------------------------------------------------------------------

function runsHtml(runs: Run[]): string {
  return runs.map((r) => (typeof r === 'string' ? escapeHtml(r).replace(/\n/g, '<br>') : `<strong>${escapeHtml(r.strong)}</strong>`)).join('');
}

function blockHtml(block: LetterBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'lines':
      return `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'table':
      return `<table>
<caption>${escapeHtml(block.caption)}</caption>
<tbody>
${block.rows.map(([label, amount]) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="amount">${escapeHtml(amount)}</td></tr>`).join('\n')}
</tbody>
</table>`;
  }
}

export function renderLetterHtml(letter: LetterModel): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.title)} — gemeente ${escapeHtml(letter.municipalityName)}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #767676}td.amount{text-align:right;font-variant-numeric:tabular-nums}</style>
</head>
<body>
<header><p>Gemeente ${escapeHtml(letter.municipalityName)}</p></header>
<main>
<h1>${escapeHtml(letter.title)}</h1>
${letter.blocks.map(blockHtml).join('\n')}
</main>
</body>
</html>
`;
}

// ---- Letters --------------------------------------------------------------------------------------

/** A decision of the college (or another body no role holds), recorded by staff. */
export interface CollegeDecision {
  decidedOn: string;
  number: string;
  /** The rules leave this amount to the college (no role's mandate covers it). */
  required: boolean;
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
  /** Set when the college decided and a staff member recorded it. */
  college?: CollegeDecision | null | undefined;
}

const DECISION_WORDS = { granted: 'toegekend', partly_granted: 'gedeeltelijk toegekend', refused: 'afgewezen' } as const;

function dateAndReference(on: string, reference: string): LetterBlock {
  return { kind: 'lines', lines: [`Datum: ${longDate(on)}`, `Kenmerk: ${reference}`] };
}

/** A letter to the applicant: its date and reference first, then the greeting, then `blocks`. */
function letterTo(initiative: InitiativeRow, municipalityName: string, on: string, title: string, blocks: LetterBlock[]): LetterModel {
  return {
    title,
    municipalityName,
    date: on,
    reference: initiative.reference,
    blocks: [dateAndReference(on, initiative.reference), { kind: 'paragraph', runs: [`Beste ${initiative.contactName},`] }, ...blocks],
  };
}

function objection(reference: string | null): LetterBlock[] {
  return [
    { kind: 'heading', text: 'Bent u het niet eens met dit besluit?' },
    {
      kind: 'paragraph',
      runs: [
        `Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij het college van burgemeester en wethouders (Algemene wet bestuursrecht, artikel 6:7).${reference ? ` Vermeld het kenmerk ${reference} en waarom u het niet eens bent.` : ''}`,
      ],
    },
  ];
}

function signature(municipalityName: string, signer: string): LetterBlock {
  return { kind: 'lines', lines: ['Met vriendelijke groet,', signer, `namens het college van burgemeester en wethouders van ${municipalityName}`] };
}

export function decisionLetterModel(input: DecisionLetterInput): LetterModel {
  const i = input.initiative;
  const money: LetterBlock[] =
    input.decision === 'refused'
      ? []
      : [
          { kind: 'heading', text: 'Bedragen' },
          {
            kind: 'table',
            caption: 'Bedragen van uw aanvraag en dit besluit',
            rows: [
              ['Gevraagd bedrag', formatCents(i.requestedCents)],
              ['Toegekend bedrag', formatCents(input.grantedCents)],
              ['Voorschot', formatCents(input.advanceCents)],
            ],
          },
          { kind: 'heading', text: 'Verantwoording' },
          {
            kind: 'paragraph',
            runs: [
              input.finalAccountRequired
                ? 'Na afloop legt u verantwoording af: de werkelijke kosten met bonnen en wat het initiatief heeft opgeleverd. Daarna stellen wij de subsidie vast; geld dat niet is uitgegeven, gaat terug naar het budget.'
                : 'Voor dit bedrag is geen verantwoording met bonnen nodig. Wel vragen wij u na afloop kort te laten weten wat het initiatief heeft opgeleverd.',
            ],
          },
        ];
  const college: LetterBlock[] = input.college
    ? [
        {
          kind: 'paragraph',
          runs: [
            `${input.college.required ? `Over dit bedrag beslist volgens de spelregels het ${input.decidedAs}. ` : ''}Het college van burgemeester en wethouders van ${input.municipalityName} heeft op ${longDate(input.college.decidedOn)} besloten (besluitnummer ${input.college.number}).`,
          ],
        },
      ]
    : [];
  return letterTo(i, input.municipalityName, input.decidedOn, `Besluit op uw aanvraag ${i.reference}`, [
    {
      kind: 'paragraph',
      runs: [
        `U vroeg ${formatCents(i.requestedCents)} voor het initiatief `,
        { strong: i.title },
        ` in ${input.areaName}. Uw aanvraag is beoordeeld volgens de spelregels '${input.rulesName}' die golden op de dag van indienen (${i.submittedOn ? longDate(i.submittedOn) : 'onbekend'}).`,
      ],
    },
    { kind: 'heading', text: 'Besluit' },
    {
      kind: 'paragraph',
      runs: [
        'Uw aanvraag is ',
        { strong: DECISION_WORDS[input.decision] },
        input.decision === 'refused' ? '.' : `: u ontvangt ${formatCents(input.grantedCents)}.`,
      ],
    },
    ...college,
    { kind: 'heading', text: 'Motivering' },
    ...textParagraphs(input.motivation),
    ...money,
    ...objection(i.reference),
    input.college
      ? {
          kind: 'lines',
          lines: ['Met vriendelijke groet,', `burgemeester en wethouders van ${input.municipalityName}`, `(besluit vastgelegd door ${input.deciderName})`],
        }
      : signature(input.municipalityName, `${input.deciderName}, ${input.decidedAs}`),
  ]);
}

/**
 * The letter's input from a decided initiative as stored (decision, amount, motivation, date, the
 * mandate row, the college's date and number), the rules it was judged by and the area's name: the
 * same input at the decision and whenever the PDF is rendered later.
 */
export function decisionLetterInput(
  initiative: InitiativeRow,
  context: { municipalityName: string; rules: BudgetRules; areaName: string; deciderName: string },
): DecisionLetterInput {
  const decision = initiative.decision;
  if (decision === null || decision === 'inadmissible' || initiative.decidedOn === null) {
    throw new Error(`initiative ${initiative.id} has no decision on the application`);
  }
  const granted = initiative.grantedCents ?? 0;
  return {
    municipalityName: context.municipalityName,
    initiative,
    areaName: context.areaName,
    rulesName: context.rules.name,
    decision,
    grantedCents: granted,
    motivation: initiative.motivation ?? '',
    decidedOn: initiative.decidedOn,
    decidedAs: initiative.decidedAs ?? '',
    deciderName: context.deciderName,
    advanceCents: granted > 0 ? advancePayment(context.rules, granted) : 0,
    finalAccountRequired: granted > 0 && finalAccountRequired(context.rules, granted),
    college:
      initiative.collegeDecidedOn !== null && initiative.collegeDecisionNumber !== null
        ? {
            decidedOn: initiative.collegeDecidedOn,
            number: initiative.collegeDecisionNumber,
            required: requiredDeciderRole(context.rules, initiative.requestedCents).label === initiative.decidedAs,
          }
        : null,
  };
}

export function decisionLetter(input: DecisionLetterInput): string {
  return renderLetterHtml(decisionLetterModel(input));
}

export interface InadmissibleLetterInput {
  municipalityName: string;
  initiative: InitiativeRow;
  motivation: string;
  on: string;
  deciderName: string;
}

export function inadmissibleLetterModel(input: InadmissibleLetterInput): LetterModel {
  const i = input.initiative;
  return letterTo(i, input.municipalityName, input.on, `Uw aanvraag ${i.reference} is niet ontvankelijk`, [
    { kind: 'paragraph', runs: ['Wij hebben uw aanvraag voor ', { strong: i.title }, ' niet in behandeling genomen.'] },
    { kind: 'heading', text: 'Motivering' },
    ...textParagraphs(input.motivation),
    ...objection(null),
    signature(input.municipalityName, input.deciderName),
  ]);
}

export function inadmissibleLetter(input: InadmissibleLetterInput): string {
  return renderLetterHtml(inadmissibleLetterModel(input));
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
  const difference = input.settledCents - input.paidBeforeCents;
  const rows: [string, string][] = [
    ['Toegekend', formatCents(i.grantedCents ?? 0)],
    ...(i.actualCostsCents !== null ? [['Werkelijke kosten', formatCents(i.actualCostsCents)] as [string, string]] : []),
    ['Vastgesteld', formatCents(input.settledCents)],
    ['Al betaald', formatCents(input.paidBeforeCents)],
    [difference >= 0 ? 'Nog te betalen' : 'Terug te betalen', formatCents(Math.abs(difference))],
  ];
  return renderLetterHtml(
    letterTo(i, input.municipalityName, input.on, `Vaststelling van de subsidie ${i.reference}`, [
      { kind: 'paragraph', runs: ['Wij hebben de subsidie voor ', { strong: i.title }, ` vastgesteld op ${formatCents(input.settledCents)}.`] },
      { kind: 'table', caption: 'Vaststelling', rows },
      ...(input.note ? [{ kind: 'heading', text: 'Toelichting' } as LetterBlock, ...textParagraphs(input.note)] : []),
      signature(input.municipalityName, input.deciderName),
    ]),
  );
}
