// SPDX-License-Identifier: EUPL-1.2
// Year end: the free money of a budget lapses or is carried over to next year's budget of the same
// line and area, as the rules in force at the end of the budget's period say (core/ledger
// closeYear). Open reservations stay: grants decided this year are paid from this year's budget.
// May be run again to sweep money freed since (a released reservation).
import { closeYear, type YearEndBehaviour } from '../../../core/ledger/index.js';
import { rulesInForce } from '../../../core/mandates/index.js';
import { recordAudit } from '../../audit/audit.js';
import { invalid, notFound } from '../../errors.js';
import { findBudget, findBudgetByLine, listRules, type LedgerRow, type Writer } from '../queries.js';
import { openLedgers, presentLedgerRow, type CommandContext } from './ledger.js';

export async function closeBudgetYear(
  tx: Writer,
  ctx: CommandContext,
  budgetId: string,
  input: { nextBudgetId?: string | undefined; reason?: string | undefined },
): Promise<{ behaviour: YearEndBehaviour; closing: LedgerRow; opening: LedgerRow | null }> {
  const budget = await findBudget(tx, ctx.municipalityId, budgetId);
  if (!budget) throw notFound({ nl: 'Dit budget bestaat niet in deze gemeente.', en: 'This budget does not exist in this municipality.' });
  const versions = (await listRules(tx, ctx.municipalityId, budget.rulesKey)).map((r) => r.rules);
  const rules = rulesInForce(versions, budget.periodEnd) ?? versions[versions.length - 1];
  if (!rules) throw invalid('rules_missing', { nl: 'Dit budget heeft geen spelregels.', en: 'This budget has no rules.' }, { rule: 'rules_missing' });
  const behaviour = rules.yearEnd;
  let nextId: string | undefined;
  if (behaviour === 'carry_over') {
    nextId = input.nextBudgetId ?? (await findBudgetByLine(tx, ctx.municipalityId, budget.rulesKey, budget.areaId, budget.year + 1))?.id;
    if (!nextId) {
      throw invalid(
        'next_budget_missing',
        {
          nl: `Volgens de spelregels '${rules.name}' gaat vrij geld aan het jaareinde over naar het volgende jaar, maar er is nog geen budget ${budget.year + 1} voor dit gebied. Maak dat eerst aan.`,
          en: `The rules carry free money over, but there is no ${budget.year + 1} budget for this area yet.`,
        },
        { rule: 'next_budget_missing' },
      );
    }
    if (nextId === budget.id)
      throw invalid(
        'next_budget_invalid',
        { nl: 'Geld kan niet naar hetzelfde budget worden overgeheveld.', en: 'Cannot carry over to the same budget.' },
        { rule: 'next_budget_invalid' },
      );
  }
  const ledgers = await openLedgers(tx, ctx, nextId ? [budget.id, nextId] : [budget.id]);
  const ledger = ledgers.get(budget.id)!;
  const result = closeYear(ledger.balance, behaviour, { budgetId: budget.id, ...(nextId ? { nextBudgetId: nextId } : {}) });
  const reason =
    input.reason?.trim() ||
    (behaviour === 'lapse'
      ? `Jaareinde ${budget.year}: vrij geld vervalt volgens de spelregels`
      : `Jaareinde ${budget.year}: vrij geld naar ${budget.year + 1}`);
  const closing = await ledger.append(result.closing, reason);
  const opening = result.opening && nextId ? await ledgers.get(nextId)!.append(result.opening, reason) : null;
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.close_year',
    entityType: 'budget',
    entityId: budget.id,
    after: { behaviour, entries: [closing, ...(opening ? [opening] : [])].map(presentLedgerRow) },
    reason,
  });
  return { behaviour, closing, opening };
}
