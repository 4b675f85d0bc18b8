// SPDX-License-Identifier: EUPL-1.2
// CSV for the controller (begroting, berap, jaarrekening): semicolon-separated, UTF-8 with BOM,
// amounts in euros in Dutch notation (exact, from integer cents) so Dutch spreadsheet software reads
// them as numbers, and totals rows computed from the same integer cents as the lines above them.
// Text cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with a quote.
import type { FastifyReply } from 'fastify';
import { LEDGER_ENTRY_LABELS_NL, LEDGER_ENTRY_TYPES, type LedgerEntryType } from '../../core/ledger/index.js';
import { formatCents, sumCents } from '../../core/money.js';
import type { BalanceFigures } from './ledger-rows.js';
import type { BudgetListRow, LedgerExportRow } from './queries.js';

export type Cell = string | number | null | { cents: number };

export function euro(cents: number): { cents: number } {
  return { cents };
}

function renderCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatCents(cell.cents, 'nl', { symbol: false });
  if (typeof cell === 'number') return String(cell);
  let text = cell.replace(/\r\n?/g, '\n');
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header.map(renderCell), ...rows.map((r) => r.map(renderCell))].map((r) => r.join(';')).join('\r\n')}\r\n`;
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

const BUDGET_COLUMNS: [string, keyof BalanceFigures][] = [
  ['toegekend', 'allocated'],
  ['overboeking_in', 'transferredIn'],
  ['overboeking_uit', 'transferredOut'],
  ['overheveling_in', 'carriedIn'],
  ['overheveling_uit', 'carriedOut'],
  ['vervallen', 'lapsed'],
  ['correcties', 'corrected'],
  ['cofinanciering_toegezegd', 'cofundingPledged'],
  ['cofinanciering_ontvangen', 'cofundingReceived'],
  ['cofinanciering_openstaand', 'cofundingOutstanding'],
  ['beschikbaar', 'available'],
  ['gereserveerd', 'reserved'],
  ['betaald', 'paid'],
  ['vrij', 'free'],
];

/** One row per budget with its balance at the end of the period, then a totals row. */
export function budgetsCsv(rows: BudgetListRow[], balances: Map<string, BalanceFigures>): string {
  const header = [
    'gebied_code',
    'gebied',
    'budget',
    'budget_id',
    'jaar',
    'periode_begin',
    'periode_eind',
    'budgetlijn',
    'afgesloten',
    ...BUDGET_COLUMNS.map(([name]) => name),
  ];
  const lines: Cell[][] = rows.map((b) => {
    const f = balances.get(b.id)!;
    return [
      b.areaCode,
      b.areaName,
      b.name,
      b.id,
      b.year,
      b.periodStart,
      b.periodEnd,
      b.rulesKey,
      f.closed ? 'ja' : 'nee',
      ...BUDGET_COLUMNS.map(([, key]) => euro(f[key] as number)),
    ];
  });
  const totals: Cell[] = [
    'Totaal',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    ...BUDGET_COLUMNS.map(([, key]) => euro(sumCents(rows.map((b) => balances.get(b.id)![key] as number)))),
  ];
  return toCsv(header, [...lines, totals]);
}

/** Every entry in ledger order, then a total per entry type (integer cents, so to the cent). */
export function ledgerCsv(rows: LedgerExportRow[]): string {
  const header = [
    'volgnummer',
    'boekdatum',
    'gebied_code',
    'gebied',
    'budget',
    'budget_id',
    'jaar',
    'soort',
    'omschrijving_soort',
    'bedrag',
    'bedrag_centen',
    'initiatief_id',
    'financieringsbron_id',
    'tegenbudget_id',
    'richting',
    'reden',
    'door',
  ];
  const lines: Cell[][] = rows.map((r) => [
    r.seq,
    r.bookedOn,
    r.areaCode,
    r.areaName,
    r.budgetName,
    r.budgetId,
    r.budgetYear,
    r.type,
    LEDGER_ENTRY_LABELS_NL[r.type as LedgerEntryType] ?? r.type,
    euro(r.amountCents),
    r.amountCents,
    r.initiativeId,
    r.fundingSourceId,
    r.counterpartBudgetId,
    r.direction,
    r.reason,
    r.actorLabel,
  ]);
  // A total per entry type (and, for carry-overs, per direction: money in and out do not add up).
  const groups = LEDGER_ENTRY_TYPES.flatMap((type): { type: LedgerEntryType; direction: string | null }[] =>
    type === 'carry_over'
      ? [
          { type, direction: 'in' },
          { type, direction: 'out' },
        ]
      : [{ type, direction: null }],
  );
  const totals: Cell[][] = groups
    .map((g) => ({ ...g, rows: rows.filter((r) => r.type === g.type && (g.direction === null || r.direction === g.direction)) }))
    .filter((g) => g.rows.length > 0)
    .map((g) => {
      const amount = sumCents(g.rows.map((r) => r.amountCents));
      return [
        'Totaal',
        null,
        null,
        null,
        null,
        null,
        null,
        g.type,
        LEDGER_ENTRY_LABELS_NL[g.type],
        euro(amount),
        amount,
        null,
        null,
        null,
        g.direction,
        null,
        null,
      ];
    });
  return toCsv(header, [...lines, ...totals]);
}
