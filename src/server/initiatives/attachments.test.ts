// SPDX-License-Identifier: EUPL-1.2
// Files on an initiative through the HTTP API: attachments to the application while it is handled
// (removable only while a draft), photos and receipts for the final account (which the rules require
// above their threshold), downloads as attachments with the type the content showed, access exactly
// as the initiative's, and every change audited with the file's sha256.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { euros } from '../../core/money.js';
import { Client, expectProblem, files, realTime, setToday, venloRulesBody, type Json } from './testing.js';

describe(`attachments on an initiative (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let regisseur: Client;
  let resident: Client;
  let werkerElders: Client;
  let initiative: Json;
  let applicationPdf: Json;

  const upload = (client: Client, kind: string, filename: string, content: Buffer, contentType = 'application/octet-stream') =>
    client.upload(`/initiatives/${initiative.id}/attachments?kind=${kind}`, { filename, contentType, content });
  const auditCount = async (action: string) =>
    Number((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = ${action}`)).rows[0]!.n);

  beforeAll(async () => {
    setToday('2024-04-02');
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'WK098302', name: 'Venlo-Oost', level: 'wijk' },
    ]);
    await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Els Elders', [['wijkwerker', 'WK098302']]);
    await givenPerson(t.db, m, 'Rik Resident');
    regisseur = new Client(t, 'GM0983', 'rita.regisseur@gm0983.test');
    resident = new Client(t, 'GM0983', 'rik.resident@gm0983.test');
    werkerElders = new Client(t, 'GM0983', 'els.elders@gm0983.test');
    await regisseur.ok('/rules', venloRulesBody({ applicantTypes: ['resident'], maxAmount: euros(10_000), finalAccountRequiredAbove: euros(5_000) }));
    await regisseur.ok('/budgets', {
      areaId: m.areas.WK098301,
      rulesKey: 'venlo-wijkbudget',
      name: 'Wijkbudget Centrum 2024',
      year: 2024,
      fundingSources: [{ kind: 'municipal_programme', name: 'Leefbaarheid', amount: euros(20_000) }],
    });
    initiative = await resident.ok('/initiatives', {
      areaId: m.areas.WK098301,
      title: 'Groene binnentuin',
      description: 'Een binnentuin met bankjes.',
      purpose: 'liveability',
      applicantType: 'resident',
      costLines: [{ description: 'Planten en bankjes', amount: euros(6_000) }],
    });
  }, 300_000);
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('the applicant adds attachments to a draft; only they see them; a removed one is gone', async () => {
    const added = await upload(resident, 'application', 'Offerte hovenier.pdf', files.pdf, 'application/pdf');
    expect(added.status, added.text).toBe(201);
    applicationPdf = added.body;
    expect(applicationPdf).toMatchObject({
      kind: 'application',
      filename: 'Offerte hovenier.pdf',
      mediaType: 'application/pdf',
      sizeBytes: files.pdf.length,
      sha256: createHash('sha256').update(files.pdf).digest('hex'),
      uploadedBy: 'Rik Resident',
    });
    // The browser's claimed type is ignored: the content decides.
    const sketch = await upload(resident, 'application', 'schets.png', files.png, 'application/pdf');
    expect([sketch.status, sketch.body.mediaType]).toEqual([201, 'image/png']);
    expectProblem(await upload(resident, 'receipt', 'bon.pdf', files.pdf), 422, 'attachment_stage_closed');
    expectProblem(await regisseur.get(`/initiatives/${initiative.id}/attachments`), 404, 'not_found');

    const listed = (await resident.get(`/initiatives/${initiative.id}/attachments`)).body;
    expect(listed.items.map((a: Json) => a.filename)).toEqual(['Offerte hovenier.pdf', 'schets.png']);
    expect(listed.canAdd).toEqual(['application']);
    expect((await resident.delete(`/initiatives/${initiative.id}/attachments/${sketch.body.id}`)).status).toBe(204);
    expectProblem(await resident.get(`/initiatives/${initiative.id}/attachments/${sketch.body.id}`), 404, 'not_found');
    expect(await auditCount('initiative.attachment_add')).toBe(2);
    expect(await auditCount('initiative.attachment_remove')).toBe(1);
    const [event] = (await t.db.execute<{ after: Json }>(sql`select after from audit_events where action = 'initiative.attachment_add' order by seq limit 1`))
      .rows;
    expect(event!.after).toMatchObject({ sha256: applicationPdf.sha256, filename: 'Offerte hovenier.pdf' });
    expect(JSON.stringify(event!.after)).not.toContain('content');
  });

  it('downloads exactly the bytes, as an attachment with the type the content showed and nosniff', async () => {
    const download = await resident.download(applicationPdf.href);
    expect(download.status).toBe(200);
    expect(download.body.equals(files.pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Offerte hovenier.pdf"; filename*=UTF-8''Offerte%20hovenier.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-security-policy'])).toContain('sandbox');
  });

  it('after submission staff see the files, application attachments stay, and staff cannot add the applicant’s', async () => {
    initiative = await resident.ok(`/initiatives/${initiative.id}/submit`);
    expect(initiative.attachments.map((a: Json) => a.id)).toEqual([applicationPdf.id]);
    expectProblem(await resident.delete(`/initiatives/${initiative.id}/attachments/${applicationPdf.id}`), 422, 'attachment_stage_closed');
    expect((await regisseur.download(applicationPdf.href)).body.equals(files.pdf)).toBe(true);
    const staffUpload = await upload(regisseur, 'application', 'notitie.pdf', files.pdf);
    expectProblem(staffUpload, 403, 'capability_missing');
    expect(staffUpload.body.rule).toBe('initiative.submit');
    // Still possible to add to the application until the decision.
    expect((await upload(resident, 'application', 'Steunbetuiging buren.pdf', files.pdf)).status).toBe(201);
    // Another area's wijkwerker sees nothing: not the list, not a file, not even an upload's answer.
    expectProblem(await werkerElders.get(`/initiatives/${initiative.id}/attachments`), 404, 'not_found');
    expectProblem(await werkerElders.get(`/initiatives/${initiative.id}/attachments/${applicationPdf.id}`), 404, 'not_found');
    expectProblem(await upload(werkerElders, 'application', 'x.pdf', files.pdf), 404, 'not_found');
  });

  it('a grant above the threshold needs receipts with the final account; photos and receipts until then', async () => {
    await regisseur.ok(`/initiatives/${initiative.id}/admissibility`, { admissible: true });
    await regisseur.ok(`/initiatives/${initiative.id}/decide`, { grantedAmount: euros(6_000), motivation: 'Past binnen de spelregels.' });
    expectProblem(await upload(resident, 'application', 'laat.pdf', files.pdf), 422, 'attachment_stage_closed');
    await regisseur.ok(`/initiatives/${initiative.id}/pay-advance`);
    await resident.ok(`/initiatives/${initiative.id}/start`);
    const account = { lines: [{ description: 'Planten (bon 17)', amount: euros(5_900) }], results: 'De tuin is aangelegd.' };
    const refused = await resident.post(`/initiatives/${initiative.id}/account`, account);
    expectProblem(refused, 422, 'receipts_required');
    expect(refused.body.detail).toMatch(/verantwoording met bonnen: voeg minstens één bon toe/);

    expect((await upload(resident, 'photo', 'tuin.webp', files.webp)).body.mediaType).toBe('image/webp');
    const receipt = await upload(resident, 'receipt', 'Bon café €17.jpg', files.jpeg);
    expect(receipt.body).toMatchObject({ kind: 'receipt', mediaType: 'image/jpeg', filename: 'Bon café €17.jpg' });
    expect((await resident.download(receipt.body.href)).headers['content-disposition']).toBe(
      `attachment; filename="Bon cafe _17.jpg"; filename*=UTF-8''Bon%20caf%C3%A9%20%E2%82%AC17.jpg`,
    );
    const accounted = await resident.ok(`/initiatives/${initiative.id}/account`, account);
    expect(accounted.status).toBe('accounted');
    expect(accounted.abilities.addAttachment).toEqual([]);
    expectProblem(await upload(resident, 'receipt', 'nog een bon.pdf', files.pdf), 422, 'attachment_stage_closed');
    expectProblem(await resident.delete(`/initiatives/${initiative.id}/attachments/${receipt.body.id}`), 422, 'attachment_stage_closed');
    expect((await regisseur.get(`/initiatives/${initiative.id}`)).body.attachments.map((a: Json) => a.kind)).toEqual([
      'application',
      'application',
      'photo',
      'receipt',
    ]);
  });
});
