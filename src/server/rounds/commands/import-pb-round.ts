// SPDX-License-Identifier: EUPL-1.2
// Importing a pabulib .pb file as a closed round of one area (results published at once):
// all-or-nothing, in one transaction; a file that cannot be read gives 422 `pb_invalid` with the
// line number. Voter ids are not kept (ballots never carry one).
import { randomBytes } from 'node:crypto';
import { isRuleName } from '../../../core/voting/outcome.js';
import { metaValue, parsePb, PbParseError, voteTypeOf } from '../../../core/voting/pabulib.js';
import { ballotConfigFromPb, centsFromPb } from '../../../core/voting/round-file.js';
import { recordAudit } from '../../audit/audit.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { invalid } from '../../errors.js';
import { insertBallots, insertProjects, insertRound, replaceRoundAreas, type RoundRow, type Writer } from '../queries.js';
import { authorizeManage, receiptHash, type RoundContext } from './common.js';

/** dd.mm.yyyy (pabulib) or yyyy-mm-dd to ISO; undefined otherwise. */
function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const nl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (nl) return `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined;
}

function pbInvalid(message: string, line?: number) {
  return invalid('pb_invalid', { nl: message, en: message }, line === undefined ? {} : { line });
}

export async function importPbRound(tx: Writer, ctx: RoundContext, input: { areaId: string; name?: string | undefined; text: string }): Promise<RoundRow> {
  await authorizeManage(tx, ctx.actor, ctx.municipality.id, [input.areaId]);
  let file;
  try {
    file = parsePb(input.text);
  } catch (error) {
    if (error instanceof PbParseError) throw pbInvalid(error.message, error.line);
    throw error;
  }
  let voteType;
  try {
    voteType = voteTypeOf(file);
  } catch {
    throw pbInvalid('Het bestand noemt geen geldig vote_type.');
  }
  const ballot = ballotConfigFromPb(file);
  if (ballot === null) {
    throw invalid('pb_vote_type_unsupported', {
      nl: `Stemtype "${voteType}" wordt bij rondes niet ondersteund.`,
      en: `Vote type "${voteType}" is not supported for rounds.`,
    });
  }
  const budgetCents = centsFromPb(metaValue(file, 'budget') ?? '');
  if (budgetCents === null) throw pbInvalid('META budget is geen bedrag met hoogstens twee decimalen.');
  const ruleText = metaValue(file, 'rule') ?? 'greedy';
  if (!isRuleName(ruleText)) throw invalid('pb_rule_unknown', { nl: `Onbekende regel "${ruleText}" in het bestand.`, en: `Unknown rule "${ruleText}".` });
  const thresholdText = metaValue(file, 'min_project_score_threshold');
  const threshold = thresholdText && /^-?\d+$/.test(thresholdText) ? Number(thresholdText) : null;
  if (ruleText === 'greedy-threshold' && threshold === null) throw pbInvalid('greedy-threshold zonder min_project_score_threshold.');
  const costs = file.projects.map((p) => {
    const cents = centsFromPb(p.cost);
    if (cents === null) throw pbInvalid(`Project "${p.id}": kosten ${p.cost} zijn geen bedrag met hoogstens twee decimalen.`);
    return cents;
  });

  const today = businessDate();
  const to = isoDate(metaValue(file, 'date_end')) ?? today;
  const from = isoDate(metaValue(file, 'date_begin')) ?? to;
  const now = nowIso();
  const name =
    input.name?.trim() ||
    [metaValue(file, 'description'), metaValue(file, 'unit'), metaValue(file, 'instance')].filter(Boolean).join(', ') ||
    'Geïmporteerde ronde';
  const round = await insertRound(tx, {
    municipalityId: ctx.municipality.id,
    name,
    description: `Geïmporteerd uit pabulib (${file.votes.length} stemmen, ${file.projects.length} projecten).`,
    ideasFrom: from,
    ideasTo: from,
    checkTo: from,
    votingFrom: from,
    votingTo: to,
    resultsFrom: to,
    ballot,
    rule: ruleText,
    threshold,
    voting: { codes: false, signIn: false, scope: 'own-area', changeable: false },
    codeSecret: randomBytes(32).toString('hex'),
    publishedAt: now,
    source: 'pabulib',
    createdById: ctx.actor.personId,
    createdAt: now,
    updatedAt: now,
  });
  await replaceRoundAreas(tx, ctx.municipality.id, round.id, [{ areaId: input.areaId, budgetCents }]);
  const projects = await insertProjects(
    tx,
    file.projects.map((p, i) => ({
      municipalityId: ctx.municipality.id,
      roundId: round.id,
      areaId: input.areaId,
      title: p.fields['name']?.trim() || `Project ${p.id}`,
      description: p.fields['description'] ?? '',
      costCents: costs[i]!,
      externalId: p.id,
      position: i,
      createdAt: now,
    })),
  );
  const idOf = new Map(file.projects.map((p, i) => [p.id, projects[i]!.id]));
  const rows = file.votes.map((v) => {
    // An approval ballot naming a project twice counts it once (as the tally does).
    const seen = new Set<string>();
    const keep = v.vote.map((id, i) => ({ id, i })).filter(({ id }) => (seen.has(id) ? false : (seen.add(id), true)));
    return {
      municipalityId: ctx.municipality.id,
      roundId: round.id,
      areaId: input.areaId,
      projects: keep.map(({ id }) => idOf.get(id)!),
      points: ballot.type === 'cumulative' && v.points ? keep.map(({ i }) => v.points![i]!) : null,
      ageGroup: null,
      channel: 'import' as const,
      receiptHash: receiptHash(randomBytes(16).toString('base64url'), input.areaId),
    };
  });
  await insertBallots(tx, rows);
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.import_pb',
    entityType: 'round',
    entityId: round.id,
    after: { areaId: input.areaId, projects: projects.length, ballots: rows.length, rule: ruleText },
  });
  return round;
}
