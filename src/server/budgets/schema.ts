// SPDX-License-Identifier: EUPL-1.2
// Neighbourhood budgets: rules versions (spelregels), multi-year plans, budgets per area and year,
// their funding sources, and the append-only ledger from which every balance is derived. Money is
// always integer euro cents in bigint columns (read as JS numbers: far below 2^53, see core/money).
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';
import { organisations } from '../people/schema.js';
import type { BudgetRules } from '../../core/mandates/index.js';
import type { RoleKey } from '../../core/access/roles.js';

/**
 * One version of the rules of a line of budgets (the budgets sharing `rules_key`, e.g. Oosterhout's
 * 2020 and 2021 budgets). Stored as the validated output of core/mandates defineRules; an
 * application is judged by the version in force on the day it was submitted. Never changed: a new
 * version replaces it from its valid_from.
 */
export const budgetRules = pgTable(
  'budget_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    rulesKey: text('rules_key').notNull(),
    version: integer('version').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    rules: jsonb('rules').$type<BudgetRules>().notNull(),
    /** Mandate-table role → the system role that holds it, where the municipality's own word differs. */
    roleMap: jsonb('role_map').$type<Record<string, RoleKey>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('budget_rules_key_version_idx').on(t.municipalityId, t.rulesKey, t.version)],
);

/** A multi-year plan (e.g. Almelo: EUR 150,000 in 2020 rising to EUR 300,000 in 2023). */
export const budgetPlans = pgTable(
  'budget_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    name: text('name').notNull(),
    rulesKey: text('rules_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('budget_plans_municipality_idx').on(t.municipalityId)],
);

/** The planned amount per year of a plan: a plan, not money; money enters through allocations. */
export const budgetPlanYears = pgTable(
  'budget_plan_years',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => budgetPlans.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    year: integer('year').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.year] })],
);

/** A budget: one area (any level, pilot areas included), one year or period, one rules line. */
export const budgets = pgTable(
  'budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    planId: uuid('plan_id').references(() => budgetPlans.id),
    rulesKey: text('rules_key').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Fixed for the budget's life, so its history always reads the same (from the rules at creation). */
    pledgesCountAsAvailable: boolean('pledges_count_as_available').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    index('budgets_municipality_area_idx').on(t.municipalityId, t.areaId, t.year),
    uniqueIndex('budgets_line_area_year_idx').on(t.municipalityId, t.rulesKey, t.areaId, t.year),
  ],
);

export const fundingSourceKinds = ['municipal_programme', 'partner', 'fund'] as const;
export type FundingSourceKind = (typeof fundingSourceKinds)[number];

/**
 * Where a budget's money comes from: a municipal programme (allocations), or a partner or fund
 * (co-funding pledges and receipts; the ledger's partnerId is this row's id).
 */
export const fundingSources = pgTable(
  'funding_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => budgets.id),
    kind: text('kind').$type<FundingSourceKind>().notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The amount committed when the source was added (allocated, or pledged). */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    earmark: text('earmark'),
    conditions: text('conditions'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('funding_sources_budget_idx').on(t.budgetId)],
);

/**
 * The ledger: append-only (a trigger refuses UPDATE and DELETE), ordered by seq. Balances are
 * derived from these rows (core/ledger), never stored. The fields beside type/amount carry what
 * the core entry needs: initiative, partner (funding source), counterpart budget, payment kind,
 * correction target, carry-over direction.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom().unique(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => budgets.id),
    type: text('type').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    initiativeId: uuid('initiative_id'),
    fundingSourceId: uuid('funding_source_id').references(() => fundingSources.id),
    counterpartBudgetId: uuid('counterpart_budget_id').references(() => budgets.id),
    paymentKind: text('payment_kind'),
    target: text('target'),
    direction: text('direction'),
    reason: text('reason').notNull(),
    /** The business date of the booking (Europe/Amsterdam): what exports per period select on. */
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    index('ledger_budget_seq_idx').on(t.budgetId, t.seq),
    index('ledger_municipality_booked_idx').on(t.municipalityId, t.bookedOn),
    index('ledger_initiative_idx').on(t.initiativeId),
  ],
);
