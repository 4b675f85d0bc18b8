// SPDX-License-Identifier: EUPL-1.2
// Shapes of the API responses the web app reads (see the server's routes for the source of truth).
import type { FeatureCollection, Geometry } from 'geojson';

export type AreaLevel = 'municipality' | 'district' | 'wijk' | 'buurt' | 'custom';

export interface Localized {
  nl: string;
  en: string;
}

export interface Municipality {
  code: string;
  name: string;
  theme: { primaryColor: string; displayName: string; logoSvg?: string };
  roleLabels: Record<string, Localized>;
  signIn: { password: boolean; emailLink: boolean; oidc: { label: string } | null };
}

export interface SessionRole {
  role: string;
  areaId: string;
  areaName: string | null;
}

export interface Actor {
  personId: string;
  name: string;
  email: string;
  municipality: string;
  method: string;
  roles: SessionRole[];
}

export interface SessionResponse {
  actor: Actor | null;
  csrfToken?: string;
}

export interface AreaSummary {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  kind: string | null;
  parentId: string | null;
  population: number | null;
  populationYear: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface TeamMember {
  assignmentId: string;
  personId: string;
  name: string;
  organisation: string | null;
  role: string;
  areaId: string;
  validFrom: string;
  validTo: string | null;
}

export interface AreaDetail extends AreaSummary {
  geometry: Geometry | null;
  bbox: [number, number, number, number] | null;
  /** Areas above this one: its parents, and custom areas (pilot areas, districts) it belongs to. */
  ancestors: AreaSummary[];
  children: AreaSummary[];
  /** For a custom area: the areas it is made of. */
  members?: AreaSummary[];
  team: TeamMember[] | null;
  abilities: string[];
  attribution: string;
}

export interface AreaFeatureProperties {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  population: number | null;
}

export interface AreaFeatureCollection extends FeatureCollection<Geometry, AreaFeatureProperties> {
  attribution?: string;
}

export interface RoleInfo {
  key: string;
  label: Localized;
  capabilities: string[];
}

export const organisationKinds = [
  'municipal_department',
  'housing_corporation',
  'police',
  'welfare',
  'care',
  'fund',
  'bank',
  'residents_group',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface PersonRole {
  assignmentId: string;
  role: string;
  areaId: string;
  areaName: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: PersonRole[];
}

export interface ListResponse<T> {
  items: T[];
  abilities?: string[];
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
}

// Wijkkompas (issue 5): indicators, profiles, the area analysis and the public survey form.
// Contract: shared notes monitor-api.md.
export type IndicatorPolarity = 'higher_better' | 'higher_worse' | 'neutral';
export type ValueStatus = 'ok' | 'rounded' | 'suppressed' | 'missing' | 'not_applicable';

export interface Indicator {
  id: string;
  name: Localized;
  theme: string;
  unit: string;
  polarity: IndicatorPolarity;
  source: string;
  licence: string;
  attribution: string;
  baseSet: boolean;
  aggregation: string;
  decimals: number;
  /** Periods with values, newest last (optional: not every server version lists them). */
  periods?: string[];
}

export interface IndicatorValue {
  indicatorId: string;
  areaId: string;
  areaCode: string;
  areaName?: string;
  period: string;
  value: number | null;
  status: ValueStatus;
  source: string;
  sourceYear: number | string | null;
}

export interface IndicatorValues {
  indicator: Indicator;
  period: string;
  /** Every period the indicator has figures for. */
  periods?: string[];
  level?: string;
  values: IndicatorValue[];
  attribution?: string;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  status: ValueStatus;
  source?: string;
  sourceYear?: number | null;
}

export interface IndicatorTrend {
  indicator: Indicator;
  area?: { id: string; code: string; name: string; level: string };
  points: TrendPoint[];
  attribution?: string;
}

export interface Difference {
  value: number;
  /** Set for statistical figures (survey): true only when the difference is significant. */
  significant?: boolean;
}

export interface ProfileTile {
  indicator: Indicator;
  value: IndicatorValue;
  previous?: IndicatorValue;
  municipalityValue?: number | null;
  /** The municipality's own figure (including the area). */
  municipalityTotal?: IndicatorValue;
  difference?: Difference;
  /** Why there is no comparison, when there is none. */
  comparisonNote?: Localized;
}

export interface SourceNote {
  source: string;
  year: number | string | null;
  attribution: string;
}

export interface AreaProfile {
  area: { id: string; code: string; name: string; level?: AreaLevel };
  /** The period asked for (null: the latest of each indicator). */
  period: string | null;
  tiles: ProfileTile[];
  sources: SourceNote[];
}

export interface AnalysisFact {
  indicator: Indicator;
  value: IndicatorValue;
  municipalityValue?: number | null;
  difference?: Difference;
}

export interface AnalysisSection {
  key: string;
  heading: Localized;
  text: Localized;
  editedText: string | null;
  editedBy?: string | null;
  editedAt?: string | null;
  facts: AnalysisFact[];
}

export interface AreaAnalysis {
  area: { id: string; code: string; name: string };
  period: string;
  generatedAt?: string;
  sections: AnalysisSection[];
  notable: AnalysisFact[];
  abilities: string[];
}

export type SurveyQuestionKind = 'grade' | 'agree' | 'single' | 'multiple' | 'open';

export interface SurveyQuestion {
  id: string;
  kind: SurveyQuestionKind;
  text: Localized;
  options?: { id: string; text: Localized }[];
  theme: string;
  required?: boolean;
}

export interface PublicSurvey {
  survey: { id?: string; name: string | Localized; themes?: (string | { id: string; name: Localized })[]; questions: SurveyQuestion[]; intro?: Localized };
  wave: { id?: string; name: string; closesOn?: string | null };
  area?: { name: string };
  municipality?: { name: string; code: string };
}

export type SurveyAnswerValue = number | string | string[] | null;

// Residents' initiatives and budgets (issue 3): src/server/initiatives/present.ts and routes.ts.
import type { InitiativeAction, InitiativeStatus } from '../../core/initiatives/index.js';
export type { InitiativeAction, InitiativeStatus };

export interface AllowedAction {
  action: InitiativeAction;
  to: InitiativeStatus;
  requiresMotivation: boolean;
  label: string;
}

export interface InitiativeSummary {
  id: string;
  reference: string;
  title: string;
  status: InitiativeStatus;
  area: { id: string; code: string | null; name: string | null };
  budgetId: string | null;
  requestedCents: number;
  grantedCents: number | null;
  submittedOn: string | null;
  decisionDeadline: string | null;
  overdue: boolean;
  daysRemaining: number | null;
  allowedActions?: AllowedAction[];
}

export interface MoneyLine {
  description: string;
  category: string | null;
  amountCents: number;
}

export interface InitiativeDetail extends InitiativeSummary {
  description: string;
  purpose: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  applicantType: 'residents_group' | 'resident' | 'organisation';
  groupName: string | null;
  contactName: string;
  totalCostCents: number;
  ownContributionCents: number;
  cofundingCents: number;
  costLines: MoneyLine[];
  cofunders: { name: string; amountCents: number; status: 'pledged' | 'received' }[];
  rules: { id: string; key: string; version: number; name: string } | null;
  decision: 'granted' | 'partly_granted' | 'refused' | null;
  motivation: string | null;
  decidedOn: string | null;
  decidedAs: string | null;
  advanceCents: number | null;
  reservedCents: number;
  paidCents: number;
  actualCosts: { totalCents: number; lines: MoneyLine[] } | null;
  results: string | null;
  settledCents: number | null;
  advice: { id: string; kind: string; recommendation: string; text: string; author: string; createdAt: string }[];
  steps: { action: string; from: InitiativeStatus | null; to: InitiativeStatus; on: string; by: string; note: string | null; at: string }[];
  letters: { id: string; kind: string; mediaType: string; createdAt: string }[];
  collegeDecision: { decidedOn: string; number: string | null } | null;
  attachments: InitiativeAttachment[];
  allowedActions: AllowedAction[];
  abilities: { editDraft: boolean; advise: boolean; recordCollegeDecision: boolean; addAttachment: AttachmentKind[] };
}

export type AttachmentKind = 'application' | 'photo' | 'receipt';

/** A file on an initiative (never its content); `href` downloads it. */
export interface InitiativeAttachment {
  id: string;
  kind: AttachmentKind;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: string;
  href: string;
}

export interface BudgetBalance {
  id: string;
  name: string;
  year: number;
  area: { id?: string; code: string; name: string };
  availableCents: number;
  reservedCents: number;
  paidCents: number;
  freeCents: number;
  closed: boolean;
}

export interface DashboardArea {
  area: { id: string; code: string; name: string; level: AreaLevel };
  budgets: BudgetBalance[];
  initiativesByStatus: Partial<Record<InitiativeStatus, number>>;
  decisionsDue: DueDecision[];
  overdue: DueDecision[];
}

export interface DueDecision {
  id: string;
  reference: string;
  title: string;
  status: InitiativeStatus;
  decisionDeadline: string;
  daysRemaining: number;
  requestedCents?: number;
}

export interface Dashboard {
  on: string;
  areas: DashboardArea[];
}

export interface PublicInitiative {
  id: string;
  reference: string;
  title: string;
  area: { id: string; code: string; name: string };
  status: InitiativeStatus;
  summary?: string;
  requestedCents?: number;
  grantedCents?: number | null;
  decidedOn?: string | null;
  paidCents?: number;
}

export interface PublicAreaInitiatives {
  area: { id: string; code: string; name: string; level: AreaLevel };
  budgets: BudgetBalance[];
  initiatives: PublicInitiative[];
  totals: { grantedCents: number; count: number };
}

// ---- Neighbourhood budget rounds (issue 4; contract in the rounds routes) ----------------------

export type RoundStatus = 'draft' | 'ideas' | 'checking' | 'voting' | 'closed' | 'results' | 'execution';
export type BallotType = 'approval' | 'knapsack' | 'cumulative' | 'choose-one' | 'ranked';
export type TallyRule = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares' | 'equalshares/add1';

export interface RoundArea {
  areaId: string;
  areaName: string;
  budgetCents: number;
}

export interface RoundPhases {
  ideasFrom: string;
  ideasTo: string;
  checkTo: string;
  votingFrom: string;
  votingTo: string;
  resultsFrom: string;
}

export interface BallotRules {
  type: BallotType;
  minProjects?: number;
  maxProjects?: number;
  minSpendPercent?: number;
  totalPoints?: number;
  maxPointsPerProject?: number;
  minLength?: number;
  maxLength?: number;
}

export interface Round {
  id: string;
  name: string;
  description: string;
  status: RoundStatus;
  areas: RoundArea[];
  phases: RoundPhases;
  ballot: BallotRules;
  rule: TallyRule;
  threshold?: number;
  voting: { codes: boolean; signIn: boolean; minAge?: number; maxAge?: number; scope: 'own-area' | 'own-area-plus'; extraAreas?: number; changeable: boolean };
  counts: { ideas: number; projects: number; ballots: number };
  abilities: { manage: boolean; vote: boolean; submitIdea: boolean };
}

export interface Idea {
  id: string;
  roundId: string;
  areaId: string;
  areaName: string;
  title: string;
  description: string;
  location?: string | null;
  estimatedCostCents?: number | null;
  status: 'submitted' | 'feasible' | 'rejected';
  checkedCostCents?: number | null;
  rejectionReason?: string | null;
  createdAt: string;
}

export interface Project {
  id: string;
  roundId: string;
  areaId: string;
  title: string;
  description: string;
  costCents: number;
  ideaId?: string | null;
  initiativeId?: string | null;
}

export interface CodeCheck {
  areaId: string;
  areaName: string;
  projects: Project[];
  alreadyVoted: boolean;
}

export interface BallotReceipt {
  receipt: string;
}

/** A paper ballot as staff see it; unconfirmed ones come without their choices (re-entered blind). */
export interface PaperBallot {
  id: string;
  areaId: string;
  confirmed: boolean;
  enteredById: string;
  confirmedById?: string | null;
  createdAt: string;
}

export interface ResultProject {
  projectId: string;
  title: string;
  costCents: number;
  score: number | string;
  funded: boolean;
  reason: string;
  explanation: Localized;
  supportShare?: string;
}

export interface ResultArea {
  areaId: string;
  areaName: string;
  budgetCents: number;
  spentCents: number;
  ballots: number;
  eligible?: number | null;
  turnoutPercent?: number | null;
  projects: ResultProject[];
}

export interface RoundResults {
  roundId: string;
  rule: TallyRule;
  areas: ResultArea[];
  turnoutByAgeGroup: { group: string; ballots: number }[];
}
