// SPDX-License-Identifier: EUPL-1.2
// Multi-year plans: the amount planned per year (Almelo: EUR 150,000 in 2020 rising to EUR 300,000
// in 2023). A plan is not money; realising a year creates that year's budget with the planned
// amount allocated from the plan's source.
import type { Cents } from '../../../core/money.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { findBudgetByLine, findPlan, insertPlan, listPlanYears, listRules, type BudgetRow, type PlanRow, type Writer } from '../queries.js';
import { nowIso } from '../time.js';
import type { CommandContext } from './ledger.js';
import { createBudget } from './create-budget.js';

export interface PlanInput {
  areaId: string;
  name: string;
  rulesKey: string;
  years: { year: number; amount: Cents; source: string }[];
}

export async function createPlan(tx: Writer, ctx: CommandContext, input: PlanInput): Promise<PlanRow> {
  const name = input.name.trim();
  if (name === '') throw invalid('plan_name_required', { nl: 'Geef het meerjarenplan een naam.', en: 'Give the plan a name.' }, { rule: 'plan_name_required' });
  const years = new Set<number>();
  for (const y of input.years) {
    if (!Number.isInteger(y.year) || y.year < 1990 || y.year > 2100)
      throw invalid(
        'budget_year_invalid',
        { nl: `${y.year} is geen geldig begrotingsjaar.`, en: `${y.year} is not a valid year.` },
        { rule: 'budget_year_invalid' },
      );
    if (years.has(y.year))
      throw invalid(
        'plan_year_twice',
        { nl: `Het jaar ${y.year} staat twee keer in het plan.`, en: `Year ${y.year} appears twice.` },
        { rule: 'plan_year_twice' },
      );
    years.add(y.year);
  }
  if ((await listRules(tx, ctx.municipalityId, input.rulesKey)).length === 0) {
    throw invalid(
      'rules_missing',
      { nl: `Voor de budgetlijn '${input.rulesKey}' zijn nog geen spelregels vastgesteld.`, en: `No rules for budget line '${input.rulesKey}'.` },
      { rule: 'rules_missing' },
    );
  }
  const plan = await insertPlan(
    tx,
    { municipalityId: ctx.municipalityId, areaId: input.areaId, name, rulesKey: input.rulesKey, createdAt: nowIso() },
    input.years.map((y) => ({ year: y.year, amountCents: y.amount, source: y.source.trim() || name })),
  );
  await recordAudit(tx, {
    ...ctx,
    action: 'budget_plan.create',
    entityType: 'budget_plan',
    entityId: plan.id,
    before: null,
    after: { plan, years: input.years },
  });
  return plan;
}

/** Creates the budget of one planned year, with the planned amount allocated. */
export async function realisePlanYear(tx: Writer, ctx: CommandContext, planId: string, year: number): Promise<BudgetRow> {
  const plan = await findPlan(tx, ctx.municipalityId, planId);
  if (!plan) throw notFound({ nl: 'Dit meerjarenplan bestaat niet in deze gemeente.', en: 'This plan does not exist in this municipality.' });
  const line = (await listPlanYears(tx, ctx.municipalityId, [plan.id])).find((y) => y.year === year);
  if (!line)
    throw invalid(
      'plan_year_missing',
      { nl: `Het meerjarenplan '${plan.name}' heeft geen bedrag voor ${year}.`, en: `The plan has no amount for ${year}.` },
      { rule: 'plan_year_missing' },
    );
  if (await findBudgetByLine(tx, ctx.municipalityId, plan.rulesKey, plan.areaId, year)) {
    throw conflict(
      'budget_exists',
      { nl: `Het budget ${year} van dit plan bestaat al.`, en: `The ${year} budget of this plan already exists.` },
      { rule: 'budget_exists' },
    );
  }
  const { budget } = await createBudget(tx, ctx, {
    areaId: plan.areaId,
    rulesKey: plan.rulesKey,
    name: `${plan.name} ${year}`,
    year,
    planId: plan.id,
    fundingSources: [{ kind: 'municipal_programme', name: line.source, amount: line.amountCents }],
  });
  return budget;
}
