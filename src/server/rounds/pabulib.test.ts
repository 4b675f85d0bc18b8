// SPDX-License-Identifier: EUPL-1.2
// pabulib interoperability through the API: a real election file (Assen 2024, equal shares with
// add1; Częstochowa 2024, greedy) imported as a closed round gives the officially funded projects
// as its results, and its export tallies to the same outcome; a broken file is refused with its
// line number and nothing is stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, signIn, type TestContext } from '../testing/harness.js';
import { setToday, type Json } from '../initiatives/testing.js';
import { parsePb } from '../../core/voting/pabulib.js';
import { tallyPbFile } from '../../core/voting/tally-file.js';
import { rounds } from './schema.js';
import { closeRoundWorld, DAY, givenRoundWorld, type RoundWorld } from './testing.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../core/voting/fixtures', name), 'utf8');

describe(`pabulib import and export (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;

  beforeAll(async () => {
    setToday(DAY.results);
    t = await createTestApp();
    w = await givenRoundWorld(t);
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  const importFile = async (text: string, name = 'Import') => {
    const session = await signIn(t.app, 'GM0983', 'rita.regisseur@gm0983.test');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/municipalities/GM0983/rounds/import-pb?areaId=${w.areas.noord}&name=${encodeURIComponent(name)}`,
      headers: { ...session.headers, 'content-type': 'text/plain; charset=utf-8' },
      payload: text,
    });
    return { status: response.statusCode, body: response.json<Json>() };
  };

  it.each(['Netherlands_Assen_2024.pb', 'Poland_Czestochowa_2024_Grabowka.pb', 'Poland_Krakow_2019_Pradnik_Czerwony.pb'])(
    '%s: imported as a closed round, the results fund exactly the selected projects',
    async (name) => {
      const text = fixture(name);
      const file = parsePb(text);
      const reply = await importFile(text, name);
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ status: 'results', source: 'pabulib', counts: { ballots: file.votes.length, projects: file.projects.length } });
      const results = (await w.anonymous.get(`/public/rounds/${reply.body.id}/results`)).body;
      const funded = new Set<string>(results.areas[0].projects.filter((p: Json) => p.funded).map((p: Json) => p.title));
      const selected = new Set(file.projects.filter((p) => p.fields['selected'] === '1').map((p) => p.fields['name']?.trim() || `Project ${p.id}`));
      expect(funded).toEqual(selected);
      // The export re-tallies to the same outcome.
      const exported = await w.regisseur.get(`/rounds/${reply.body.id}/export.pb?areaId=${w.areas.noord}`);
      const again = parsePb(exported.text);
      expect(again.votes).toHaveLength(file.votes.length);
      const tally = tallyPbFile(again);
      const titles = new Map(again.projects.map((p) => [p.id, p.fields['name']]));
      expect(new Set(tally.funded.map((id) => titles.get(id)))).toEqual(selected);
    },
    60_000,
  );

  it('refuses a broken file with its line number and stores nothing', async () => {
    const before = (await t.db.select().from(rounds)).length;
    const broken = fixture('Netherlands_Assen_2024.pb').replace(/\n3;7200;/, '\n3;zeven;');
    const reply = await importFile(broken);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('pb_invalid');
    expect(reply.body.line).toBeGreaterThan(15);
    expect(reply.body.detail).toMatch(/^Regel \d+: /);
    const unknownProject = fixture('Netherlands_Assen_2024.pb').replace(/(VOTES\r?\n[^\n]*\n[^;]*;)/, '$199,');
    const second = await importFile(unknownProject);
    expect(second.body.code).toBe('pb_invalid');
    expect((await t.db.select().from(rounds)).length).toBe(before);
  });

  it('also takes the file as a multipart upload (field "file")', async () => {
    const reply = await w.regisseur.upload(`/rounds/import-pb?areaId=${w.areas.noord}`, {
      filename: 'Netherlands_Assen_2024.pb',
      contentType: 'text/plain',
      content: Buffer.from(fixture('Netherlands_Assen_2024.pb')),
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: 'Assen Top Idee, Assen, 2024', counts: { ballots: 84, projects: 14 } });
    expect(
      (await w.regisseur.upload(`/rounds/import-pb?areaId=${w.areas.noord}`, { filename: 'leeg.pb', contentType: 'text/plain', content: Buffer.from('') })).body
        .code,
    ).toBe('pb_missing');
  });
});
