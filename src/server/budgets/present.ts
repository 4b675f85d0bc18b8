// SPDX-License-Identifier: EUPL-1.2
// Budgets as the API shows them: the budget, its area, and its balance derived from the ledger.
import type { BalanceFigures } from './ledger-rows.js';
import type { BudgetListRow, FundingSourceRow, RulesRow } from './queries.js';

export function presentBalance(b: BalanceFigures) {
  return {
    availableCents: b.available,
    reservedCents: b.reserved,
    paidCents: b.paid,
    freeCents: b.free,
    allocatedCents: b.allocated,
    transferredInCents: b.transferredIn,
    transferredOutCents: b.transferredOut,
    carriedInCents: b.carriedIn,
    carriedOutCents: b.carriedOut,
    lapsedCents: b.lapsed,
    correctedCents: b.corrected,
    cofundingPledgedCents: b.cofundingPledged,
    cofundingReceivedCents: b.cofundingReceived,
    cofundingOutstandingCents: b.cofundingOutstanding,
    closed: b.closed,
  };
}

export function presentBudget(b: BudgetListRow, balance: BalanceFigures) {
  return {
    id: b.id,
    name: b.name,
    year: b.year,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    rulesKey: b.rulesKey,
    planId: b.planId,
    area: { id: b.areaId, code: b.areaCode, name: b.areaName },
    pledgesCountAsAvailable: b.pledgesCountAsAvailable,
    ...presentBalance(balance),
  };
}

export function presentFundingSource(s: FundingSourceRow) {
  return { id: s.id, kind: s.kind, name: s.name, organisationId: s.organisationId, amountCents: s.amountCents, earmark: s.earmark, conditions: s.conditions };
}

export function presentRules(r: RulesRow) {
  return {
    id: r.id,
    rulesKey: r.rulesKey,
    version: r.version,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    rules: r.rules,
    roleMap: r.roleMap,
    createdAt: r.createdAt,
  };
}
