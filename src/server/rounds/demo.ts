// SPDX-License-Identifier: EUPL-1.2
// Budget rounds in the Venlo demo (pilot "Buurt Bestuurt"): an open voting round in three Blerick
// wijken, with residents' ideas (one rejected with its reason) on the ballot, and last year's closed
// round in Klingerberg with ballots and results. Dates are relative to the day the demo is loaded,
// so voting is open for two months after `npm start`. The ideas, projects, amounts and ballots are
// invented for the demo. No voting codes are made here (codes are random and shown once): a demo
// user (regisseur@venlo.demo) makes them on the staff page, or through POST …/rounds/:id/codes.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { addDays } from '../../core/calendar/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.js';
import { businessDate, nowIso } from '../budgets/time.js';
import { insertBallots, insertCodes, insertIdea, insertProjects, insertRound, replaceRoundAreas, updateIdeaRow } from './queries.js';
import { receiptHash } from './commands/common.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_ROUND_NAME = 'Buurt Bestuurt Blerick';

interface DemoIdea {
  title: string;
  description: string;
  cost: number;
  /** A reason makes it a rejected idea. */
  rejected?: string;
}

const openRoundIdeas: Record<string, DemoIdea[]> = {
  WK098321: [
    { title: 'Speeltoestellen bij de Antoniuslaan', description: 'Nieuwe speeltoestellen voor kinderen tot 12 jaar op het grasveld.', cost: 9_500 },
    { title: 'Bloembakken op het Koninginnenplein', description: 'Vaste plantenbakken die buurtbewoners samen onderhouden.', cost: 3_200 },
    { title: 'Buurtbarbecue in de zomer', description: 'Een jaarlijkse barbecue voor de hele buurt.', cost: 2_400 },
    { title: 'Jeu-de-boulesbaan', description: 'Een baan met bankjes voor jong en oud.', cost: 6_800 },
    {
      title: 'Overkapping op de markt',
      description: 'Een permanente overkapping over het marktplein.',
      cost: 240_000,
      rejected: 'Veel duurder dan het budget van de wijk en in strijd met het bestemmingsplan.',
    },
  ],
  WK098322: [
    { title: 'Moestuin voor de buurt', description: 'Een gezamenlijke moestuin met regenton en gereedschapskist.', cost: 4_500 },
    { title: 'Extra bankjes langs de Maas', description: 'Vijf bankjes langs het wandelpad.', cost: 3_000 },
    { title: 'Kunstwerk bij de basisschool', description: 'Een muurschildering door kinderen en een kunstenaar.', cost: 5_500 },
    { title: 'Buurtkast met boeken en spellen', description: 'Een weerbestendige kast om te ruilen.', cost: 900 },
  ],
  WK098323: [
    { title: 'Beweegtuin voor ouderen', description: 'Fitnesstoestellen voor 60-plussers in het park.', cost: 8_000 },
    { title: 'Verlichting op het fietspad', description: 'Ledverlichting op het donkere stuk van het fietspad.', cost: 7_000 },
    { title: 'Zomerfilm in het park', description: 'Drie avonden buitenbioscoop.', cost: 2_000 },
    {
      title: 'Parkeerterrein uitbreiden',
      description: 'Twintig extra parkeerplaatsen.',
      cost: 60_000,
      rejected: 'Parkeren valt onder het gemeentelijk parkeerbeleid, niet onder het wijkbudget.',
    },
  ],
};

const closedRoundProjects: [string, number][] = [
  ['Picknicktafels in het Klingerbergpark', 2_500],
  ['Hondenuitlaatveld met hek', 6_000],
  ['Speelplek voor peuters', 7_500],
  ['Buurtfeest', 1_500],
  ['Wandelroute met informatiebordjes', 4_000],
  ['Zitbanken bij de bushalte', 1_800],
];

/** A small deterministic generator, so the demo results are the same on every load. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

export async function seedRoundsDemo(
  tx: Tx,
  ctx: { municipalityId: string; actor: AuditActor; requestId: string | null },
  areaIds: ReadonlyMap<string, string>,
): Promise<{ openRoundId: string; closedRoundId: string }> {
  const { municipalityId } = ctx;
  const today = businessDate();
  const now = nowIso();
  const secret = () => randomBytes(32).toString('hex');
  const id = (code: string) => {
    const found = areaIds.get(code);
    if (!found) throw new Error(`demo area ${code} missing`);
    return found;
  };

  // ---- The open round -------------------------------------------------------------------------
  const open = await insertRound(tx, {
    municipalityId,
    name: `${DEMO_ROUND_NAME} ${today.slice(0, 4)}`,
    description:
      'Bewoners van Blerick-Midden, Blerick-Noord en Blerick-Zuid bedenken zelf projecten voor hun wijk en stemmen erover. Met de stemcode uit uw brief kiest u één tot drie projecten in uw eigen wijk. De Methode van Gelijke Aandelen verdeelt het budget, zodat ook kleinere groepen aan bod komen.',
    ideasFrom: addDays(today, -60),
    ideasTo: addDays(today, -40),
    checkTo: addDays(today, -20),
    votingFrom: addDays(today, -7),
    votingTo: addDays(today, 60),
    resultsFrom: addDays(today, 61),
    ballot: { type: 'approval', minProjects: 1, maxProjects: 3 },
    rule: 'equalshares/add1',
    voting: { codes: true, signIn: false, scope: 'own-area', changeable: true },
    codeSecret: secret(),
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const budgets: Record<string, number> = { WK098321: 15_000, WK098322: 10_000, WK098323: 10_000 };
  await replaceRoundAreas(
    tx,
    municipalityId,
    open.id,
    Object.entries(budgets).map(([code, euros]) => ({ areaId: id(code), budgetCents: euros * 100 })),
  );
  let position = 0;
  for (const [code, ideas] of Object.entries(openRoundIdeas)) {
    for (const idea of ideas) {
      const row = await insertIdea(tx, {
        municipalityId,
        roundId: open.id,
        areaId: id(code),
        title: idea.title,
        description: idea.description,
        estimatedCostCents: idea.cost * 100,
        createdAt: now,
      });
      if (idea.rejected) {
        await updateIdeaRow(tx, municipalityId, row.id, { status: 'rejected', rejectionReason: idea.rejected, checkedAt: now });
        continue;
      }
      await updateIdeaRow(tx, municipalityId, row.id, { status: 'feasible', checkedCostCents: idea.cost * 100, checkedAt: now });
      await insertProjects(tx, [
        {
          municipalityId,
          roundId: open.id,
          areaId: id(code),
          title: idea.title,
          description: idea.description,
          costCents: idea.cost * 100,
          ideaId: row.id,
          position: position++,
          createdAt: now,
        },
      ]);
    }
  }

  // ---- Last year's closed round, with results -------------------------------------------------
  const year = Number(today.slice(0, 4)) - 1;
  const klingerberg = id('WK098325');
  const closed = await insertRound(tx, {
    municipalityId,
    name: `Buurt Bestuurt Klingerberg ${year}`,
    description: 'De eerste ronde van Buurt Bestuurt: bewoners van Klingerberg kozen hoe € 12.000 werd besteed.',
    ideasFrom: `${year}-02-01`,
    ideasTo: `${year}-02-28`,
    checkTo: `${year}-03-31`,
    votingFrom: `${year}-04-15`,
    votingTo: `${year}-05-15`,
    resultsFrom: `${year}-05-20`,
    ballot: { type: 'approval', minProjects: 1, maxProjects: 3 },
    rule: 'greedy',
    voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
    codeSecret: secret(),
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await replaceRoundAreas(tx, municipalityId, closed.id, [{ areaId: klingerberg, budgetCents: 12_000_00 }]);
  const projects = await insertProjects(
    tx,
    closedRoundProjects.map(([title, euros], i) => ({
      municipalityId,
      roundId: closed.id,
      areaId: klingerberg,
      title,
      costCents: euros * 100,
      position: i,
      createdAt: now,
    })),
  );
  // 140 ballots: each project has its own popularity; a voter approves one to three projects.
  const popularity = [0.55, 0.35, 0.45, 0.3, 0.2, 0.25];
  const random = lcg(983);
  const ageGroups = ['12-17', '18-27', '28-44', '45-64', '65+'];
  const rows = Array.from({ length: 140 }, () => {
    let chosen = projects.filter((_, i) => random() < popularity[i]!).map((p) => p.id);
    if (chosen.length === 0) chosen = [projects[Math.floor(random() * projects.length)]!.id];
    chosen = chosen.slice(0, 3);
    return {
      municipalityId,
      roundId: closed.id,
      areaId: klingerberg,
      projects: chosen,
      points: null,
      ageGroup: ageGroups[Math.floor(random() * ageGroups.length)]!,
      channel: 'online' as const,
      receiptHash: receiptHash(randomBytes(16).toString('base64url'), klingerberg),
    };
  });
  await insertBallots(tx, rows);
  // The 400 letters of last year: codes whose plain text nobody has any more; 140 were used.
  await insertCodes(
    tx,
    Array.from({ length: 400 }, (_, i) => ({
      municipalityId,
      roundId: closed.id,
      areaId: klingerberg,
      codeHash: randomBytes(32).toString('hex'),
      createdAt: now,
      usedAt: i < rows.length ? now : null,
    })),
  );

  await recordAudit(tx, {
    municipalityId,
    actor: ctx.actor,
    action: 'demo.seed_rounds',
    entityType: 'round',
    entityId: open.id,
    after: { openRound: open.name, closedRound: closed.name, closedBallots: rows.length },
    requestId: ctx.requestId,
  });
  return { openRoundId: open.id, closedRoundId: closed.id };
}
