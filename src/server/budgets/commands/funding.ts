// SPDX-License-Identifier: EUPL-1.2
// Money into a budget: a funding source (municipal programme → allocation; partner or fund →
// co-funding pledge), further allocations, co-funding receipts and withdrawn pledges. Each runs in
// the caller's transaction on a locked ledger and is audited there.
import type { LedgerEntry } from '../../../core/ledger/index.js';
import type { Cents } from '../../../core/money.js';
import { recordAudit } from '../../audit/audit.js';
import { invalid, notFound } from '../../errors.js';
import { findFundingSource, insertFundingSource, type FundingSourceRow, type LedgerRow, type Writer } from '../queries.js';
import type { FundingSourceKind } from '../schema.js';
import { nowIso } from '../time.js';
import { presentLedgerRow, type CommandContext, type LockedLedger } from './ledger.js';

export interface FundingSourceInput {
  kind: FundingSourceKind;
  name: string;
  organisationId?: string | null | undefined;
  amount: Cents;
  earmark?: string | null | undefined;
  conditions?: string | null | undefined;
}

export async function addFundingSource(
  tx: Writer,
  ctx: CommandContext,
  ledger: LockedLedger,
  input: FundingSourceInput,
): Promise<{ source: FundingSourceRow; entry: LedgerRow }> {
  const name = input.name.trim();
  if (name === '')
    throw invalid(
      'funding_source_name_required',
      { nl: 'Geef de financieringsbron een naam.', en: 'Give the funding source a name.' },
      { rule: 'funding_source_name_required' },
    );
  const source = await insertFundingSource(tx, {
    municipalityId: ctx.municipalityId,
    budgetId: ledger.budget.id,
    kind: input.kind,
    name,
    organisationId: input.organisationId ?? null,
    amountCents: input.amount,
    earmark: input.earmark?.trim() || null,
    conditions: input.conditions?.trim() || null,
    createdAt: nowIso(),
  });
  const entry: LedgerEntry =
    input.kind === 'municipal_programme'
      ? { type: 'allocation', amount: input.amount, source: name }
      : { type: 'cofunding_pledge', amount: input.amount, partnerId: source.id };
  const row = await ledger.append(entry, input.kind === 'municipal_programme' ? name : `Toezegging ${name}`);
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.funding_source.add',
    entityType: 'budget',
    entityId: ledger.budget.id,
    after: { source, entry: presentLedgerRow(row) },
  });
  return { source, entry: row };
}

async function sourceOf(tx: Writer, ctx: CommandContext, ledger: LockedLedger, id: string): Promise<FundingSourceRow> {
  const source = await findFundingSource(tx, ctx.municipalityId, ledger.budget.id, id);
  if (!source) throw notFound({ nl: 'Deze financieringsbron hoort niet bij dit budget.', en: 'This funding source does not belong to this budget.' });
  return source;
}

/** More money from an existing source: an allocation (programme) or a larger pledge (partner, fund). */
export async function allocate(
  tx: Writer,
  ctx: CommandContext,
  ledger: LockedLedger,
  input: { fundingSourceId: string; amount: Cents; reason: string },
): Promise<LedgerRow> {
  const source = await sourceOf(tx, ctx, ledger, input.fundingSourceId);
  const entry: LedgerEntry =
    source.kind === 'municipal_programme'
      ? { type: 'allocation', amount: input.amount, source: source.name }
      : { type: 'cofunding_pledge', amount: input.amount, partnerId: source.id };
  const row = await ledger.append(entry, input.reason.trim() || source.name);
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.allocate',
    entityType: 'budget',
    entityId: ledger.budget.id,
    after: { entry: presentLedgerRow(row) },
    reason: input.reason,
  });
  return row;
}

function requirePartner(source: FundingSourceRow): void {
  if (source.kind === 'municipal_programme') {
    throw invalid(
      'funding_source_not_cofunding',
      {
        nl: `'${source.name}' is een gemeentelijk programma; ontvangsten en toezeggingen horen bij een partner of fonds.`,
        en: `'${source.name}' is a municipal programme; receipts and pledges belong to a partner or fund.`,
      },
      { rule: 'funding_source_not_cofunding' },
    );
  }
}

export async function recordReceipt(
  tx: Writer,
  ctx: CommandContext,
  ledger: LockedLedger,
  input: { fundingSourceId: string; amount: Cents; reason: string },
): Promise<LedgerRow> {
  const source = await sourceOf(tx, ctx, ledger, input.fundingSourceId);
  requirePartner(source);
  const row = await ledger.append({ type: 'cofunding_receipt', amount: input.amount, partnerId: source.id }, input.reason.trim() || `Ontvangst ${source.name}`);
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.cofunding.receipt',
    entityType: 'budget',
    entityId: ledger.budget.id,
    after: { entry: presentLedgerRow(row) },
    reason: input.reason,
  });
  return row;
}

export async function withdrawPledge(
  tx: Writer,
  ctx: CommandContext,
  ledger: LockedLedger,
  input: { fundingSourceId: string; amount: Cents; reason: string },
): Promise<LedgerRow> {
  const source = await sourceOf(tx, ctx, ledger, input.fundingSourceId);
  requirePartner(source);
  const row = await ledger.append({ type: 'cofunding_pledge_withdrawal', amount: input.amount, partnerId: source.id }, input.reason);
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.cofunding.withdraw',
    entityType: 'budget',
    entityId: ledger.budget.id,
    after: { entry: presentLedgerRow(row) },
    reason: input.reason,
  });
  return row;
}
