// SPDX-License-Identifier: EUPL-1.2
// Creating and changing a draft application. Drafts may be incomplete (completeness is checked at
// submission), but every amount in them is checked now: a negative, zero, fractional-cent or absurd
// amount is refused with the rule named, and nothing is saved.
import { randomUUID } from 'node:crypto';
import { APPLICANT_TYPES, type ApplicantType } from '../../../core/mandates/index.js';
import { assertCents, formatCents, sumCents } from '../../../core/money.js';
import { areaLineage } from '../../areas/queries.js';
import { findOrganisation } from '../../people/queries.js';
import { findBudget } from '../../budgets/queries.js';
import { assertPeriod, readAmount, readDate, type MoneyValue } from '../../budgets/input.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { loadArea } from '../../budgets/access.js';
import { authorize } from '../../http/authorize.js';
import { AppError, invalid, notFound } from '../../errors.js';
import {
  insertInitiative,
  listCofunders,
  listCostLines,
  replaceCofunders,
  replaceCostLines,
  updateInitiative,
  type CofunderInput,
  type InitiativeRow,
  type LineInput,
  type Writer,
} from '../queries.js';
import { initiativeNotFound } from '../access.js';
import { loadForStep, recordStep, type InitiativeContext } from './common.js';

export interface CostLineBody {
  description: string;
  category?: string | null | undefined;
  amount: MoneyValue;
}

export interface CofunderBody {
  name: string;
  organisationId?: string | null | undefined;
  amount: MoneyValue;
  status?: 'pledged' | 'received' | undefined;
}

export interface ApplicationBody {
  areaId?: string | undefined;
  budgetId?: string | null | undefined;
  title?: string | undefined;
  description?: string | undefined;
  purpose?: string | undefined;
  categories?: string[] | undefined;
  plannedStart?: string | null | undefined;
  plannedEnd?: string | null | undefined;
  applicantType?: ApplicantType | undefined;
  groupName?: string | null | undefined;
  organisationId?: string | null | undefined;
  costLines?: CostLineBody[] | undefined;
  ownContribution?: MoneyValue | undefined;
  cofunders?: CofunderBody[] | undefined;
}

export interface CreateBody extends ApplicationBody {
  areaId: string;
  title: string;
  /** A wijkwerker applying on a residents' group's behalf names the group's contact. */
  onBehalf?: { contactName: string; contactEmail: string } | undefined;
}

function field(error: AppError, path: string): AppError {
  return new AppError(error.code, error.status, error.text, { ...error.details, errors: [{ path, message: error.text.nl }] });
}

function readLines(lines: CostLineBody[]): LineInput[] {
  return lines.map((line, index) => {
    const description = line.description.trim();
    if (description === '')
      throw field(
        invalid(
          'cost_line_description_required',
          { nl: `Kostenregel ${index + 1} heeft geen omschrijving.`, en: `Cost line ${index + 1} has no description.` },
          { rule: 'cost_line_description_required' },
        ),
        `/costLines/${index}/description`,
      );
    return {
      description,
      category: line.category?.trim() || null,
      amountCents: readAmount(line.amount, `Het bedrag van kostenregel ${index + 1} (${description})`),
    };
  });
}

function readCofunders(list: CofunderBody[]): CofunderInput[] {
  return list.map((c, index) => {
    const name = c.name.trim();
    if (name === '')
      throw invalid(
        'cofunder_name_required',
        { nl: `Cofinancier ${index + 1} heeft geen naam.`, en: `Co-funder ${index + 1} has no name.` },
        { rule: 'cofunder_name_required' },
      );
    return { name, organisationId: c.organisationId ?? null, amountCents: readAmount(c.amount, `De bijdrage van ${name}`), status: c.status ?? 'pledged' };
  });
}

/** Totals of the application: total cost, own contribution, co-funding and the amount asked. */
export function totalsOf(lines: LineInput[], ownContributionCents: number, cofunders: CofunderInput[]) {
  const totalCostCents = assertCents(sumCents(lines.map((l) => l.amountCents)), { label: 'De totale kosten' });
  const cofundingCents = assertCents(sumCents(cofunders.map((c) => c.amountCents)), { label: 'De cofinanciering' });
  const requestedCents = totalCostCents - ownContributionCents - cofundingCents;
  if (lines.length > 0 && requestedCents < 0) {
    throw invalid(
      'contributions_exceed_costs',
      {
        nl: `De eigen bijdrage (${formatCents(ownContributionCents)}) en de cofinanciering (${formatCents(cofundingCents)}) zijn samen hoger dan de totale kosten (${formatCents(totalCostCents)}).`,
        en: 'The own contribution and co-funding exceed the total cost.',
      },
      { rule: 'contributions_exceed_costs', totalCostCents, ownContributionCents, cofundingCents },
    );
  }
  return { totalCostCents, ownContributionCents, cofundingCents, requestedCents: Math.max(0, requestedCents) };
}

async function checkBudgetForArea(tx: Writer, municipalityId: string, budgetId: string | null | undefined, lineage: readonly string[]): Promise<void> {
  if (!budgetId) return;
  const budget = await findBudget(tx, municipalityId, budgetId);
  if (!budget) throw field(notFound({ nl: 'Dit budget bestaat niet in deze gemeente.', en: 'This budget does not exist in this municipality.' }), '/budgetId');
  if (!lineage.includes(budget.areaId)) {
    throw field(
      invalid(
        'budget_area_mismatch',
        {
          nl: `Het budget '${budget.name}' is niet bedoeld voor dit gebied; kies een budget van het gebied van het initiatief of een gebied daarboven.`,
          en: `Budget '${budget.name}' is not for this area.`,
        },
        { rule: 'budget_area_mismatch' },
      ),
      '/budgetId',
    );
  }
}

async function checkOrganisation(tx: Writer, municipalityId: string, organisationId: string | null | undefined): Promise<void> {
  if (organisationId && !(await findOrganisation(tx, municipalityId, organisationId))) {
    throw field(
      notFound({ nl: 'Deze organisatie bestaat niet in deze gemeente.', en: 'This organisation does not exist in this municipality.' }),
      '/organisationId',
    );
  }
}

function checkApplicantType(value: string | undefined): ApplicantType | undefined {
  if (value === undefined) return undefined;
  if (!APPLICANT_TYPES.includes(value as ApplicantType))
    throw invalid('applicant_type_invalid', { nl: `Onbekende soort aanvrager '${value}'.`, en: `Unknown applicant type '${value}'.` });
  return value as ApplicantType;
}

function checkDates(start: string | null | undefined, end: string | null | undefined): { plannedStart: string | null; plannedEnd: string | null } {
  const plannedStart = start ? readDate(start, 'De geplande begindatum') : null;
  const plannedEnd = end ? readDate(end, 'De geplande einddatum') : null;
  if (plannedStart && plannedEnd) assertPeriod(plannedStart, plannedEnd, { from: 'De geplande begindatum', to: 'de geplande einddatum' });
  return { plannedStart, plannedEnd };
}

export async function createDraft(tx: Writer, ctx: InitiativeContext, body: CreateBody): Promise<InitiativeRow> {
  const municipalityId = ctx.municipality.id;
  const area = await loadArea(tx, municipalityId, body.areaId);
  const lineage = await areaLineage(tx, municipalityId, area.id);
  if (body.onBehalf) authorize(ctx.actor, 'initiative.apply_on_behalf', lineage);
  const title = body.title.trim();
  if (title === '')
    throw field(invalid('title_required', { nl: 'Geef het initiatief een titel.', en: 'Give the initiative a title.' }, { rule: 'title_required' }), '/title');
  const lines = readLines(body.costLines ?? []);
  const cofunders = readCofunders(body.cofunders ?? []);
  const own = readAmount(body.ownContribution ?? 0, 'De eigen bijdrage', 'non_negative');
  const totals = totalsOf(lines, own, cofunders);
  const dates = checkDates(body.plannedStart, body.plannedEnd);
  await checkBudgetForArea(tx, municipalityId, body.budgetId, lineage);
  await checkOrganisation(tx, municipalityId, body.organisationId);
  const contactName = body.onBehalf ? body.onBehalf.contactName.trim() : ctx.actor.name;
  const contactEmail = body.onBehalf ? body.onBehalf.contactEmail.trim().toLowerCase() : ctx.actor.email;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail))
    throw field(
      invalid('email_invalid', { nl: `"${contactEmail}" is geen geldig e-mailadres.`, en: 'Invalid email address.' }, { rule: 'email_invalid' }),
      '/onBehalf/contactEmail',
    );
  if (contactName === '')
    throw field(
      invalid('contact_name_required', { nl: 'Vul de naam van de contactpersoon in.', en: 'Fill in the contact name.' }, { rule: 'contact_name_required' }),
      '/onBehalf/contactName',
    );
  const groupName = body.groupName?.trim() || null;
  const id = randomUUID();
  const now = nowIso();
  const initiative = await insertInitiative(tx, {
    id,
    municipalityId,
    reference: `BI-${businessDate().slice(0, 4)}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
    areaId: area.id,
    budgetId: body.budgetId ?? null,
    title,
    description: body.description?.trim() ?? '',
    purpose: body.purpose?.trim() ?? '',
    categories: body.categories ?? [],
    ...dates,
    applicantType: checkApplicantType(body.applicantType) ?? (groupName ? 'residents_group' : 'resident'),
    groupName,
    organisationId: body.organisationId ?? null,
    applicantPersonId: body.onBehalf ? null : ctx.actor.personId,
    contactName,
    contactEmail,
    createdById: ctx.actor.personId,
    onBehalf: body.onBehalf !== undefined,
    ...totals,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  });
  await replaceCostLines(tx, municipalityId, id, 'planned', lines);
  await replaceCofunders(tx, municipalityId, id, cofunders);
  await recordStep(tx, ctx, initiative, { action: 'create', from: null, to: 'draft' }, { after: { initiative, costLines: lines, cofunders } });
  return initiative;
}

export async function updateDraft(tx: Writer, ctx: InitiativeContext, initiativeId: string, body: ApplicationBody): Promise<InitiativeRow> {
  const { initiative: before, lineage: oldLineage, access } = await loadForStep(tx, ctx, initiativeId);
  if (!access.isApplicant) throw initiativeNotFound();
  if (before.status !== 'draft') {
    throw invalid(
      'initiative_not_draft',
      { nl: 'Alleen een concept kan worden gewijzigd; deze aanvraag is al ingediend.', en: 'Only a draft can be changed.' },
      { rule: 'initiative_not_draft', currentStatus: before.status },
    );
  }
  const municipalityId = ctx.municipality.id;
  let lineage = oldLineage;
  if (body.areaId !== undefined && body.areaId !== before.areaId) {
    const area = await loadArea(tx, municipalityId, body.areaId);
    lineage = await areaLineage(tx, municipalityId, area.id);
  }
  const patch: Partial<InitiativeRow> = {};
  if (body.title !== undefined) {
    const title = body.title.trim();
    if (title === '')
      throw field(
        invalid('title_required', { nl: 'Geef het initiatief een titel.', en: 'Give the initiative a title.' }, { rule: 'title_required' }),
        '/title',
      );
    patch.title = title;
  }
  if (body.description !== undefined) patch.description = body.description.trim();
  if (body.purpose !== undefined) patch.purpose = body.purpose.trim();
  if (body.categories !== undefined) patch.categories = body.categories;
  if (body.applicantType !== undefined) patch.applicantType = checkApplicantType(body.applicantType)!;
  if (body.groupName !== undefined) patch.groupName = body.groupName?.trim() || null;
  if (body.organisationId !== undefined) {
    await checkOrganisation(tx, municipalityId, body.organisationId);
    patch.organisationId = body.organisationId ?? null;
  }
  if (body.plannedStart !== undefined || body.plannedEnd !== undefined) {
    Object.assign(
      patch,
      checkDates(
        body.plannedStart !== undefined ? body.plannedStart : before.plannedStart,
        body.plannedEnd !== undefined ? body.plannedEnd : before.plannedEnd,
      ),
    );
  }
  if (body.areaId !== undefined) patch.areaId = body.areaId;
  if (body.budgetId !== undefined) patch.budgetId = body.budgetId;
  await checkBudgetForArea(tx, municipalityId, patch.budgetId !== undefined ? patch.budgetId : before.budgetId, lineage);

  const lines =
    body.costLines !== undefined
      ? readLines(body.costLines)
      : (await listCostLines(tx, municipalityId, before.id))
          .filter((l) => l.kind === 'planned')
          .map(({ description, category, amountCents }) => ({ description, category, amountCents }));
  const cofunders =
    body.cofunders !== undefined
      ? readCofunders(body.cofunders)
      : (await listCofunders(tx, municipalityId, before.id)).map(({ name, organisationId, amountCents, status }) => ({
          name,
          organisationId,
          amountCents,
          status,
        }));
  const own = body.ownContribution !== undefined ? readAmount(body.ownContribution, 'De eigen bijdrage', 'non_negative') : before.ownContributionCents;
  Object.assign(patch, totalsOf(lines, own, cofunders));
  if (body.costLines !== undefined) await replaceCostLines(tx, municipalityId, before.id, 'planned', lines);
  if (body.cofunders !== undefined) await replaceCofunders(tx, municipalityId, before.id, cofunders);
  const after = await updateInitiative(tx, municipalityId, before.id, { ...patch, updatedAt: nowIso() });
  await recordStep(tx, ctx, after, { action: 'update', from: 'draft', to: 'draft' }, { before, after });
  return after;
}
