// SPDX-License-Identifier: EUPL-1.2
// A transfer between two budgets of the municipality, with a reason: transfer_out on one ledger,
// transfer_in on the other, both budgets locked (in id order) in one transaction, so the money is
// never in both or in neither, and the source can never go below what it has reserved and paid.
import type { Cents } from '../../../core/money.js';
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { requiredText } from '../input.js';
import type { LedgerRow, Writer } from '../queries.js';
import { openLedgers, presentLedgerRow, type CommandContext } from './ledger.js';

export async function transferBetweenBudgets(
  tx: Writer,
  ctx: CommandContext,
  input: { fromBudgetId: string; toBudgetId: string; amount: Cents; reason: string },
): Promise<{ out: LedgerRow; in: LedgerRow }> {
  const reason = requiredText(input.reason, 'transfer_reason_required', {
    nl: 'Een overboeking tussen budgetten heeft een reden nodig.',
    en: 'A transfer between budgets needs a reason.',
  });
  if (input.fromBudgetId === input.toBudgetId) {
    throw invalid(
      'transfer_same_budget',
      { nl: 'Een overboeking gaat van het ene budget naar een ander budget.', en: 'A transfer goes from one budget to another.' },
      { rule: 'transfer_same_budget' },
    );
  }
  const ledgers = await openLedgers(tx, ctx, [input.fromBudgetId, input.toBudgetId]);
  const from = ledgers.get(input.fromBudgetId)!;
  const to = ledgers.get(input.toBudgetId)!;
  const out = await from.append({ type: 'transfer_out', amount: input.amount, counterpartBudgetId: to.budget.id }, reason);
  const incoming = await to.append({ type: 'transfer_in', amount: input.amount, counterpartBudgetId: from.budget.id }, reason);
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.transfer',
    entityType: 'budget',
    entityId: from.budget.id,
    after: { from: from.budget.id, to: to.budget.id, amountCents: input.amount, entries: [presentLedgerRow(out), presentLedgerRow(incoming)] },
    reason,
  });
  return { out, in: incoming };
}
