// SPDX-License-Identifier: EUPL-1.2
// The liveability survey in the Venlo demo: the Lemon-like questionnaire, a closed wave two years ago
// and an open wave now (dates relative to the day the demo is loaded) over every wijk, with made-up
// addresses, a seeded sample, invitations, and invented answers: about 45 to 70 respondents per wijk
// (one wijk with too few, to show suppression), open answers waiting for redaction, and illustrative
// population margins (age group × sex; not CBS figures). Invitation codes are random and not kept:
// a demo user (onderzoeker@venlo.demo) gets fresh ones for the open wave from POST …/waves/:id/reminders.
import type { Db } from '../db/client.js';
import { addDays } from '../../core/calendar/index.js';
import { seededRandom } from '../../core/stats/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.js';
import { businessDate } from '../budgets/time.js';
import { insertDemoResponses, markRespondedForDemo, type DemoResponse, type WaveRow } from './queries.js';
import { ageGroups, lemonTemplate, sexes } from './rules.js';
import { createSurvey } from './commands/create-survey.js';
import { createWave } from './commands/create-wave.js';
import { uploadAddresses } from './commands/upload-addresses.js';
import { drawSample } from './commands/draw-sample.js';
import { issueInvitations } from './commands/issue-invitations.js';
import { closeWave } from './commands/close-wave.js';
import { setMargins } from './commands/set-margins.js';
import type { SurveyContext } from './commands/common.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_SURVEY_NAME = 'Leefbaarheidsenquête Venlo';
const ADDRESSES_PER_WIJK = 160;
const TARGET_PER_WIJK = 110;

const openTexts = [
  'Meer groen en bankjes op het plein.',
  'De stoepen zijn slecht, vooral voor mensen met een rollator.',
  'Er wordt te hard gereden in onze straat. Mijn buurman Piet Jansen van nummer 12 ook!',
  'Meer activiteiten voor jongeren in de wijk.',
  'Hondenpoep in het park. Bel mij gerust: 06-12345678.',
];

export async function seedSurveysDemo(
  tx: Tx,
  ctx: { municipalityId: string; actor: AuditActor; requestId: string | null },
  areaIds: Map<string, string>,
): Promise<void> {
  const sctx: SurveyContext = { municipalityId: ctx.municipalityId, actor: ctx.actor, requestId: ctx.requestId ?? 'demo' };
  const wijken = [...areaIds.entries()].filter(([code]) => code.startsWith('WK')).sort(([a], [b]) => a.localeCompare(b));
  if (wijken.length === 0) return;
  const template = lemonTemplate();
  const survey = await createSurvey(tx, sctx, { name: DEMO_SURVEY_NAME, template: 'lemon' });
  const today = businessDate();
  const random = seededRandom('venlo-demo-survey');
  const uniform = () => random(1_000_000) / 1_000_000;
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  /** How each wijk is doing (−1 … +1), fixed for the demo. */
  const level = new Map(wijken.map(([code], i) => [code, Math.sin(i * 1.7) * 0.9]));

  const addresses = ['adres;postcode;woonplaats;gebied'];
  wijken.forEach(([code], w) => {
    for (let i = 1; i <= ADDRESSES_PER_WIJK; i++)
      addresses.push(
        `Demostraat ${w * 1000 + i};59${String(10 + w).padStart(2, '0')} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))};Venlo;${code}`,
      );
  });
  const margins = wijken.flatMap(([code], w) =>
    ageGroups.flatMap((ageGroup, a) =>
      sexes.map((sex) => ({
        areaCode: code,
        ageGroup,
        sex,
        population: Math.round((900 + 60 * ((w * 7) % 11)) * [0.26, 0.24, 0.26, 0.24][a]! * (sex === 'man' ? 0.49 : 0.51)),
      })),
    ),
  );

  const makeWave = async (name: string, opensOn: string, closesOn: string, shift: number, last: boolean): Promise<WaveRow> => {
    const wave = await createWave(tx, sctx, survey, { name, opensOn, closesOn, targetPerArea: TARGET_PER_WIJK, areaIds: wijken.map(([, id]) => id) });
    await uploadAddresses(tx, sctx, wave, addresses.join('\n'));
    await drawSample(tx, sctx, { ...wave, status: 'draft' }, name);
    await issueInvitations(tx, sctx, { ...wave, status: 'sampled' });
    await setMargins(tx, sctx, wave, margins);
    const responses: DemoResponse[] = [];
    const open: { areaId: string; questionId: string; text: string }[] = [];
    const answeredPerArea = new Map<string, number>();
    wijken.forEach(([code, areaId], w) => {
      // One wijk answers too little in the current wave: its figures are suppressed.
      const count = last && w === wijken.length - 1 ? 18 : 45 + ((w * 13) % 26);
      answeredPerArea.set(areaId, count);
      const l = (level.get(code) ?? 0) + shift * (w % 3 === 0 ? 1 : 0);
      for (let i = 0; i < count; i++) {
        // Older residents answer more often than younger ones: weighting corrects for it.
        const age = ageGroups[clamp(uniform() * 4 + 0.6 - 0.5, 0, 3)] as string;
        const sex = uniform() < 0.55 ? 'vrouw' : 'man';
        const numbers = template.questions
          .filter((q) => q.kind === 'grade' || q.kind === 'agree')
          .map((q) => ({ questionId: q.id, value: q.kind === 'grade' ? clamp(7.1 + l + normal() * 1.1, 1, 10) : clamp(3.5 + l * 0.6 + normal() * 0.9, 1, 5) }));
        const nuisance = ['litter', 'dogs', 'traffic', 'noise', 'youth'].filter((_, k) => uniform() < 0.25 - l * 0.1 + k * 0.02);
        const evening = uniform() + l * 0.2;
        responses.push({
          areaId,
          cell: uniform() < 0.05 ? null : `${age}|${sex}`,
          numbers,
          choices: [
            { questionId: 'nuisance_kinds', optionIds: nuisance.length > 0 ? nuisance : ['none'] },
            { questionId: 'safety_evening', optionIds: [evening > 0.6 ? 'never' : evening > 0.25 ? 'sometimes' : 'often'] },
            { questionId: 'age_group', optionIds: [age] },
            { questionId: 'sex', optionIds: [sex] },
          ],
        });
        if (i % 17 === 3) open.push({ areaId, questionId: 'improve', text: openTexts[(i + w) % openTexts.length] as string });
      }
    });
    await markRespondedForDemo(tx, ctx.municipalityId, wave.id, answeredPerArea, addDays(opensOn, 10));
    await insertDemoResponses(tx, ctx.municipalityId, wave.id, responses, open);
    return wave;
  };

  const thisYear = Number(today.slice(0, 4));
  const previous = await makeWave(`Leefbaarheidsenquête ${thisYear - 2}`, addDays(today, -760), addDays(today, -700), 0.5, false);
  await closeWave(tx, sctx, { ...previous, status: 'open' });
  await makeWave(`Leefbaarheidsenquête ${thisYear}`, addDays(today, -30), addDays(today, 60), 0, true);
  await recordAudit(tx, { ...sctx, action: 'demo.seed_surveys', entityType: 'survey', entityId: survey.id, after: { waves: 2, wijken: wijken.length } });
}
