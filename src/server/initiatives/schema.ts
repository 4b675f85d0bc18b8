// SPDX-License-Identifier: EUPL-1.2
// Residents' initiatives (bewonersinitiatieven): the application, its cost breakdown and co-funders,
// advice, each step of the lifecycle, and the decision letters. Money in integer cents (bigint).
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';
import { organisations, people } from '../people/schema.js';
import { budgetRules, budgets } from '../budgets/schema.js';
import type { InitiativeAction, InitiativeStatus } from '../../core/initiatives/index.js';
import type { ApplicantType } from '../../core/mandates/index.js';

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Short reference for letters and mail, e.g. BI-2020-1A2B3C. */
    reference: text('reference').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    budgetId: uuid('budget_id').references(() => budgets.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    purpose: text('purpose').notNull(),
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    applicantType: text('applicant_type').$type<ApplicantType>().notNull(),
    groupName: text('group_name'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The resident who applies (for themselves or as the group's contact); null when a wijkwerker applies for a group without an account. */
    applicantPersonId: uuid('applicant_person_id').references(() => people.id),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => people.id),
    /** Applied by a wijkwerker on the group's behalf. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** Sum of the cost lines (application data, fixed at submission; not a ledger balance). */
    totalCostCents: bigint('total_cost_cents', { mode: 'number' }).notNull(),
    ownContributionCents: bigint('own_contribution_cents', { mode: 'number' }).notNull(),
    cofundingCents: bigint('cofunding_cents', { mode: 'number' }).notNull(),
    /** total − own contribution − co-funding: what is asked from the budget. */
    requestedCents: bigint('requested_cents', { mode: 'number' }).notNull(),
    status: text('status').$type<InitiativeStatus>().notNull(),
    /** The rules version in force on the day of submission; the application is judged by it. */
    rulesId: uuid('rules_id').references(() => budgetRules.id),
    submittedOn: date('submitted_on', { mode: 'string' }),
    decisionDeadline: date('decision_deadline', { mode: 'string' }),
    decision: text('decision').$type<'granted' | 'partly_granted' | 'refused' | 'inadmissible'>(),
    grantedCents: bigint('granted_cents', { mode: 'number' }),
    motivation: text('motivation'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedById: uuid('decided_by_id').references(() => people.id),
    /** The mandate-table row the decision was taken under (its label), or the assessor's role. */
    decidedAs: text('decided_as'),
    /** A decision of the college (or another body no role holds) recorded by staff: its date and number (besluitnummer). */
    collegeDecidedOn: date('college_decided_on', { mode: 'string' }),
    collegeDecisionNumber: text('college_decision_number'),
    advanceCents: bigint('advance_cents', { mode: 'number' }),
    actualCostsCents: bigint('actual_costs_cents', { mode: 'number' }),
    results: text('results'),
    accountedOn: date('accounted_on', { mode: 'string' }),
    settledCents: bigint('settled_cents', { mode: 'number' }),
    settledOn: date('settled_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    index('initiatives_municipality_status_idx').on(t.municipalityId, t.status),
    index('initiatives_municipality_area_idx').on(t.municipalityId, t.areaId),
    index('initiatives_budget_idx').on(t.budgetId),
    index('initiatives_deadline_idx').on(t.municipalityId, t.decisionDeadline),
  ],
);

export const costLineKinds = ['planned', 'actual'] as const;
export type CostLineKind = (typeof costLineKinds)[number];

/** Cost breakdown of the application ('planned') and of the final account ('actual', receipts). */
export const initiativeCostLines = pgTable(
  'initiative_cost_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    kind: text('kind').$type<CostLineKind>().notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    category: text('category'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [index('initiative_cost_lines_idx').on(t.initiativeId, t.kind, t.position)],
);

/** Third parties that contribute to the initiative (housing corporation, bank, fund). */
export const initiativeCofunders = pgTable(
  'initiative_cofunders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    status: text('status').$type<'pledged' | 'received'>().notNull(),
  },
  (t) => [index('initiative_cofunders_idx').on(t.initiativeId, t.position)],
);

export const adviceKinds = ['wijkwerker', 'wijkteam', 'department'] as const;
export type AdviceKind = (typeof adviceKinds)[number];
export const adviceRecommendations = ['positive', 'negative', 'neutral'] as const;
export type AdviceRecommendation = (typeof adviceRecommendations)[number];

export const initiativeAdvice = pgTable(
  'initiative_advice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    kind: text('kind').$type<AdviceKind>().notNull(),
    recommendation: text('recommendation').$type<AdviceRecommendation>().notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('initiative_advice_idx').on(t.initiativeId)],
);

/** Every lifecycle step, for the status page (the audit trail holds the same, hash-chained). */
export const initiativeSteps = pgTable(
  'initiative_steps',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    action: text('action').$type<InitiativeAction | 'create' | 'update' | 'advise'>().notNull(),
    fromStatus: text('from_status').$type<InitiativeStatus>(),
    toStatus: text('to_status').$type<InitiativeStatus>().notNull(),
    note: text('note'),
    on: date('on', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('initiative_steps_idx').on(t.initiativeId, t.seq)],
);

/** Formal letters (beschikkingen), kept exactly as sent. */
export const initiativeLetters = pgTable(
  'initiative_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    kind: text('kind').$type<'decision' | 'inadmissible' | 'settlement'>().notNull(),
    mediaType: text('media_type').notNull(),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('initiative_letters_idx').on(t.initiativeId)],
);

/** PostgreSQL bytea as a Node Buffer (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const attachmentKinds = ['application', 'photo', 'receipt'] as const;
export type AttachmentKindColumn = (typeof attachmentKinds)[number];

/**
 * Files on an initiative: attachments to the application, photos and receipts of the final
 * account. Kept in the database (not on disk) so both engines, backups and the tenancy scoping
 * treat them like every other record; the type is the one the content's magic bytes show.
 */
export const initiativeAttachments = pgTable(
  'initiative_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    kind: text('kind').$type<AttachmentKindColumn>().notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedById: uuid('uploaded_by_id')
      .notNull()
      .references(() => people.id),
    uploadedByLabel: text('uploaded_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('initiative_attachments_idx').on(t.initiativeId, t.createdAt)],
);
