// SPDX-License-Identifier: EUPL-1.2
// Exports for the controller (begroting, berap, jaarrekening). Each export is one table (header,
// rows, totals rows computed from the same integer cents as the lines above them), rendered as
// CSV or XLSX:
// - CSV: semicolon-separated, UTF-8 with BOM, amounts in euros in Dutch notation (exact, from
//   integer cents) so Dutch spreadsheet software reads them as numbers. Text cells that a
//   spreadsheet would run as a formula (=, +, -, @) are prefixed with a quote.
// - XLSX (exceljs): amounts as numbers in euros with a two-decimal format, integer-cent columns as
//   integers, text always as text (never a formula), a bold frozen header with a filter.
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { LEDGER_ENTRY_LABELS_NL, LEDGER_ENTRY_TYPES, type LedgerEntryType } from '../../core/ledger/index.js';
import { formatCents, sumCents } from '../../core/money.js';
import type { BalanceFigures } from './ledger-rows.js';
import type { BudgetListRow, LedgerExportRow } from './queries.js';

export type Cell = string | number | null | { cents: number };

/** A totals row: 'Totaal', `blanks` empty cells, then the given cells. */
export function totalsRow(blanks: number, ...cells: Cell[]): Cell[] {
  return ['Totaal', ...Array<null>(blanks).fill(null), ...cells];
}

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

/** One export: a header and rows (the totals rows last, first cell 'Totaal'). */
export interface ExportTable {
  /** Sheet name in the XLSX (at most 31 characters). */
  sheet: string;
  header: string[];
  rows: Cell[][];
}

export function toCsv(table: Pick<ExportTable, 'header' | 'rows'>): string {
  return `\uFEFF${[table.header.map(renderCell), ...table.rows.map((r) => r.map(renderCell))].map((r) => r.join(';')).join('\r\n')}\r\n`;
}

const EURO_FORMAT = '#,##0.00;-#,##0.00';

/** The table as an XLSX workbook with one sheet. Euro amounts are cents / 100 (exact to the cent when rounded back). */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkwijs';
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? c.cents / 100 : c)));
    cells.forEach((c, index) => {
      if (c !== null && typeof c === 'object') row.getCell(index + 1).numFmt = EURO_FORMAT;
    });
    if (cells[0] === 'Totaal') row.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  table.header.forEach((name, index) => {
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, name.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

/** Sends the table as a download in the format asked for; `basename` without extension. */
export async function sendExport(reply: FastifyReply, basename: string, format: ExportFormat, table: ExportTable): Promise<FastifyReply> {
  const disposition = `attachment; filename="${basename}.${format}"`;
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', disposition).send(toCsv(table));
  return reply
    .type(XLSX_MEDIA_TYPE)
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .send(await toXlsx(table));
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
export function budgetsTable(rows: BudgetListRow[], balances: Map<string, BalanceFigures>): ExportTable {
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
  const totals = totalsRow(8, ...BUDGET_COLUMNS.map(([, key]) => euro(sumCents(rows.map((b) => balances.get(b.id)![key] as number)))));
  return { sheet: 'Budgetten', header, rows: [...lines, totals] };
}

/** Every entry in ledger order, then a total per entry type (integer cents, so to the cent). */
export function ledgerTable(rows: LedgerExportRow[]): ExportTable {
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
  return { sheet: 'Grootboek', header, rows: [...lines, ...totals] };
}
