// SPDX-License-Identifier: EUPL-1.2
// The controller's export of initiatives: one row per initiative submitted or with ledger entries in
// the period, with its ledger sums in the period, and a totals row (integer cents, so to the cent).
import { sumCents } from '../../core/money.js';
import { euro, totalsRow, type Cell, type ExportTable } from '../budgets/exports.js';
import type { InitiativeExportRow } from './queries.js';

export function initiativesTable(rows: InitiativeExportRow[]): ExportTable {
  const header = [
    'kenmerk',
    'titel',
    'gebied_code',
    'gebied',
    'budget',
    'status',
    'ingediend_op',
    'besloten_op',
    'gevraagd',
    'toegekend',
    'vastgesteld',
    'gereserveerd',
    'vrijgevallen',
    'betaald',
    'terugbetaald',
    'netto_betaald',
  ];
  const lines: Cell[][] = rows.map((r) => [
    r.reference,
    r.title,
    r.areaCode,
    r.areaName,
    r.budgetName,
    r.status,
    r.submittedOn,
    r.decidedOn,
    euro(r.requestedCents),
    r.grantedCents === null ? null : euro(r.grantedCents),
    r.settledCents === null ? null : euro(r.settledCents),
    euro(r.reservation),
    euro(r.reservationRelease),
    euro(r.payment),
    euro(r.release),
    euro(r.payment - r.release),
  ]);
  const total = (pick: (r: (typeof rows)[number]) => number) => euro(sumCents(rows.map(pick)));
  lines.push(
    totalsRow(
      7,
      total((r) => r.requestedCents),
      total((r) => r.grantedCents ?? 0),
      total((r) => r.settledCents ?? 0),
      total((r) => r.reservation),
      total((r) => r.reservationRelease),
      total((r) => r.payment),
      total((r) => r.release),
      total((r) => r.payment - r.release),
    ),
  );
  return { sheet: 'Initiatieven', header, rows: lines };
}
