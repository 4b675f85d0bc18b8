// SPDX-License-Identifier: EUPL-1.2
// The application form for a residents' initiative, phone first. "Opslaan als concept" saves a
// draft on the server (the address then becomes the draft's own, so a reload or another device
// finds it again); "Indienen" saves and submits it. Amounts are typed in Dutch notation ("1.234,50")
// and sent as integer cents. The server's problems land at the field they concern.
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, DescriptionList, Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useSession } from '../../session.js';
import { useApi } from '../../api/use-api.js';
import { api, ProblemError, query } from '../../api/client.js';
import type { AreaSummary, InitiativeDetail } from '../../api/types.js';
import { AttachmentsSection } from './Attachments.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../../components/forms.js';
import { amountText, parseEuros, useMoney } from '../budgets/money.js';
import { AmountLines, checkLines, emptyLine, isBlank, sumLines, type AmountLine } from './AmountLines.js';
import { initiativePath, SignInFirst, useFlash } from './common.js';

/** Purposes residents' initiatives are usually funded for; the budget's rules decide at submission. */
export const purposes = ['liveability', 'social_cohesion', 'physical_environment'] as const;

export default function ApplicationPage() {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const { initiativeId } = useParams();
  const existing = useApi<InitiativeDetail>(initiativeId ? `/api/municipalities/${municipality.code}/initiatives/${initiativeId}` : null);
  useDocumentTitle(initiativeId ? t('application.editHeading') : t('application.heading'));
  const signedIn = actor !== null && actor.municipality === municipality.code;

  if (!signedIn)
    return (
      <div className="ww-container ww-container--narrow">
        <Heading level={1} className="ams-mb-m">
          {t('application.heading')}
        </Heading>
        <SignInFirst code={municipality.code} text={t('initiatives.signInToApply')} />
      </div>
    );
  if (existing.error)
    return (
      <div className="ww-container">
        <LoadError error={existing.error} onRetry={existing.reload} />
      </div>
    );
  if (initiativeId && !existing.data) return <Loading />;
  const draft = existing.data;
  if (draft && !draft.abilities.editDraft)
    return (
      <div className="ww-container ww-container--narrow">
        <Heading level={1} className="ams-mb-m">
          {draft.title}
        </Heading>
        <Notice kind="info">
          <p>
            {t('application.notEditable')} <AppLink to={initiativePath(municipality.code, draft.id)}>{t('application.toStatus')}</AppLink>
          </p>
        </Notice>
      </div>
    );
  return (
    <>
      <ApplicationForm key={draft?.id ?? 'nieuw'} draft={draft} />
      {draft ? (
        <div className="ww-container ww-container--narrow">
          <AttachmentsSection initiative={draft} onChanged={existing.reload} />
        </div>
      ) : null}
    </>
  );
}

const linesOf = (list: { description?: string; name?: string; amountCents: number }[]): AmountLine[] =>
  list.map((l) => ({ text: l.description ?? l.name ?? '', amount: amountText(l.amountCents) }));

/** Where a problem without a field path belongs, by its code. */
function fieldOfProblem(problem: ProblemError): string | undefined {
  const code = problem.code;
  if (code.startsWith('purpose_')) return 'purpose';
  if (code === 'applicant_type_not_allowed') return 'applicantType';
  if (code === 'no_budget_available' || code === 'budget_area_mismatch' || code === 'budget_period_closed') return 'areaId';
  if (code === 'contributions_exceed_costs' || code.startsWith('own_contribution')) return 'ownContribution';
  if (code.startsWith('cofunding')) return 'cofunders';
  if (code.startsWith('amount_above_rule') || code.startsWith('amount_below_rule')) return 'costLines';
  return undefined;
}

/** Field error keys from the problem's JSON pointers: /costLines/0/description → costLines.0.text. */
function fieldsOfProblem(problem: ProblemError, message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.fieldErrors) {
    const [first, index, part] = e.path.replace(/^\//, '').split('/');
    if (!first) continue;
    if (first === 'budgetId') errors.areaId = message;
    else if (index !== undefined && (first === 'costLines' || first === 'cofunders'))
      errors[`${first}.${index}.${part === 'amount' ? 'amount' : 'text'}`] = message;
    else errors[first] = message;
  }
  const byCode = fieldOfProblem(problem);
  if (byCode) errors[byCode] = message;
  return errors;
}

/** Phone first: the wijk from the device's location (the API's point lookup), as an alternative to the list. */
function FindWijk({ code, wijken, onFound }: { code: string; wijken: { value: string; label: string }[]; onFound: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return null;

  function locate() {
    setBusy(true);
    setMessage(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude, latitude } = position.coords;
        api.get<{ wijk: { id: string; name: string } | null }>(`/api/municipalities/${code}/areas/lookup${query({ lon: longitude, lat: latitude })}`).then(
          (found) => {
            const wijk = found.wijk && wijken.some((w) => w.value === found.wijk!.id) ? found.wijk : null;
            if (wijk) onFound(wijk.id);
            setMessage(wijk ? t('application.locationFound', { name: wijk.name }) : t('application.locationNoWijk'));
            setBusy(false);
          },
          (error: unknown) => {
            setMessage(error instanceof ProblemError ? error.localized(lang) : t('application.locationUnavailable'));
            setBusy(false);
          },
        );
      },
      () => {
        setMessage(t('application.locationUnavailable'));
        setBusy(false);
      },
      { timeout: 15_000 },
    );
  }

  return (
    <div>
      <Button variant="secondary" onClick={locate} disabled={busy}>
        {t('application.useLocation')}
      </Button>
      <p role="status" className="ww-hint">
        {message}
      </p>
    </div>
  );
}

function ApplicationForm({ draft }: { draft: InitiativeDetail | undefined }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const navigate = useNavigate();
  const money = useMoney();
  const base = `/api/municipalities/${municipality.code}`;
  const areas = useApi<AreaSummary[]>(`${base}/areas?level=wijk`, { cache: true });
  const [title, setTitle] = useState(draft?.title ?? '');
  const [areaId, setAreaId] = useState(draft?.area.id ?? '');
  const [description, setDescription] = useState(draft?.description ?? '');
  const [purpose, setPurpose] = useState(draft?.purpose ?? '');
  const [applicantType, setApplicantType] = useState<string>(draft?.applicantType ?? 'residents_group');
  const [groupName, setGroupName] = useState(draft?.groupName ?? '');
  const [plannedStart, setPlannedStart] = useState(draft?.plannedStart ?? '');
  const [plannedEnd, setPlannedEnd] = useState(draft?.plannedEnd ?? '');
  const [costLines, setCostLines] = useState<AmountLine[]>(draft && draft.costLines.length > 0 ? linesOf(draft.costLines) : [emptyLine]);
  const [own, setOwn] = useState(draft && draft.ownContributionCents > 0 ? amountText(draft.ownContributionCents) : '');
  const [cofunders, setCofunders] = useState<AmountLine[]>(draft ? linesOf(draft.cofunders) : []);
  const flash = useFlash('saved');
  const [saved, setSaved] = useState<string | null>(typeof flash === 'string' ? flash : null);
  // Once saved, the draft is changed, never created again (also when submitting it then fails).
  const [draftId, setDraftId] = useState(draft?.id ?? null);
  const form = useFormState();

  const areaOptions = useMemo(
    () =>
      (areas.data ?? [])
        .filter((a) => a.validTo === null)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        .map((a) => ({ value: a.id, label: a.name })),
    [areas.data],
  );

  const ownCents = own.trim() === '' ? 0 : parseEuros(own, 'non_negative');
  const totals = {
    costs: sumLines(costLines),
    own: ownCents ?? 0,
    cofunding: sumLines(cofunders),
  };
  const requested = Math.max(0, totals.costs - totals.own - totals.cofunding);

  function validate(submitting: boolean): FieldErrors {
    const errors: FieldErrors = {
      title: title.trim() === '' ? t('application.titleRequired') : undefined,
      areaId: areaId === '' ? t('application.areaRequired') : undefined,
      ownContribution: ownCents === null ? t('application.amountInvalid') : undefined,
      plannedEnd: plannedStart && plannedEnd && plannedEnd < plannedStart ? t('application.endBeforeStart') : undefined,
      ...checkLines('costLines', costLines, { text: t('application.costTextRequired'), amount: t('application.amountInvalid') }),
      ...checkLines('cofunders', cofunders, { text: t('application.cofunderNameRequired'), amount: t('application.amountInvalid') }),
    };
    if (submitting) {
      if (description.trim() === '') errors.description = t('application.descriptionRequired');
      if (purpose === '') errors.purpose = t('application.purposeRequired');
      if (costLines.every(isBlank)) errors.costLines = t('application.costLinesRequired');
      if (applicantType === 'residents_group' && groupName.trim() === '') errors.groupName = t('application.groupNameRequired');
    }
    return errors;
  }

  function body() {
    const lines = costLines.filter((l) => !isBlank(l));
    const funders = cofunders.filter((l) => !isBlank(l));
    // Blank lines go, so the server's line numbers match the form's.
    setCostLines(lines.length > 0 ? lines : [emptyLine]);
    setCofunders(funders);
    return {
      title: title.trim(),
      areaId,
      description,
      purpose,
      applicantType,
      groupName: applicantType === 'residents_group' ? groupName.trim() || null : null,
      plannedStart: plannedStart || null,
      plannedEnd: plannedEnd || null,
      costLines: lines.map((l) => ({ description: l.text.trim(), amount: parseEuros(l.amount)! })),
      ownContribution: ownCents ?? 0,
      cofunders: funders.map((l) => ({ name: l.text.trim(), amount: parseEuros(l.amount)! })),
    };
  }

  async function save(): Promise<InitiativeDetail> {
    if (draftId) return api.patch<InitiativeDetail>(`${base}/initiatives/${draftId}`, body());
    const created = await api.post<InitiativeDetail>(`${base}/initiatives`, body());
    setDraftId(created.id);
    return created;
  }

  return (
    <div className="ww-container ww-container--narrow">
      <Heading level={1} className="ams-mb-s">
        {draft ? t('application.editHeading') : t('application.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('application.intro')}</Paragraph>
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <form
        noValidate
        className="ww-form"
        aria-labelledby="aanvraag-formulier"
        onSubmit={(event) => {
          const submitter = event.nativeEvent.submitter as HTMLButtonElement | null;
          const submitting = submitter?.value === 'indienen';
          setSaved(null);
          void form.submit(
            event,
            () => validate(submitting),
            async () => {
              const result = await save();
              if (submitting) {
                await api.post<InitiativeDetail>(`${base}/initiatives/${result.id}/submit`);
                await navigate(initiativePath(municipality.code, result.id), { state: { submitted: true } });
              } else if (!draft) {
                // The draft's own address, so a reload finds it.
                await navigate(`/gemeente/${municipality.code}/initiatieven/${result.id}/wijzigen`, {
                  replace: true,
                  state: { saved: t('application.draftSaved') },
                });
              } else {
                setSaved(t('application.draftSaved'));
              }
            },
            fieldsOfProblem,
          );
        }}
      >
        <h2 id="aanvraag-formulier" className="ams-visually-hidden">
          {t('application.heading')}
        </h2>
        {form.formError ? (
          <Notice kind="error" heading={t('app.errorHeading')}>
            {form.formError}
          </Notice>
        ) : Object.values(form.fieldErrors).some(Boolean) ? (
          <Notice kind="error" heading={t('app.formErrors')} />
        ) : null}
        <TextField label={t('application.title')} name="title" value={title} onChange={setTitle} error={form.fieldErrors.title} required />
        <SelectField
          label={t('application.area')}
          name="areaId"
          hint={t('application.areaHint')}
          value={areaId}
          onChange={setAreaId}
          placeholder={t('application.areaChoose')}
          options={areaOptions}
          error={form.fieldErrors.areaId}
          required
        />
        <FindWijk code={municipality.code} wijken={areaOptions} onFound={setAreaId} />
        <TextField
          label={t('application.description')}
          name="description"
          hint={t('application.descriptionHint')}
          value={description}
          onChange={setDescription}
          rows={6}
          error={form.fieldErrors.description}
          required
        />
        <SelectField
          label={t('application.purpose')}
          name="purpose"
          value={purpose}
          onChange={setPurpose}
          placeholder={t('application.purposeChoose')}
          options={purposes.map((p) => ({ value: p, label: t(`application.purpose.${p}`) }))}
          error={form.fieldErrors.purpose}
          required
        />
        <SelectField
          label={t('application.applicantType')}
          name="applicantType"
          value={applicantType}
          onChange={setApplicantType}
          options={[
            { value: 'residents_group', label: t('application.applicantType.residents_group') },
            { value: 'resident', label: t('application.applicantType.resident') },
          ]}
          error={form.fieldErrors.applicantType}
        />
        {applicantType === 'residents_group' ? (
          <TextField
            label={t('application.groupName')}
            name="groupName"
            value={groupName}
            onChange={setGroupName}
            error={form.fieldErrors.groupName}
            required
          />
        ) : null}
        <TextField
          label={t('application.plannedStart')}
          name="plannedStart"
          type="date"
          value={plannedStart}
          onChange={setPlannedStart}
          error={form.fieldErrors.plannedStart}
          optional
        />
        <TextField
          label={t('application.plannedEnd')}
          name="plannedEnd"
          type="date"
          value={plannedEnd}
          onChange={setPlannedEnd}
          error={form.fieldErrors.plannedEnd}
          optional
        />
        <AmountLines
          name="costLines"
          legend={t('application.costLines')}
          hint={t('application.amountHint')}
          textLabel={t('application.costText')}
          amountLabel={t('application.costAmount')}
          addLabel={t('application.addCostLine')}
          lines={costLines}
          onChange={setCostLines}
          errors={form.fieldErrors}
        />
        <TextField
          label={t('application.ownContribution')}
          name="ownContribution"
          hint={t('application.ownContributionHint')}
          value={own}
          inputMode="decimal"
          onChange={setOwn}
          error={form.fieldErrors.ownContribution}
          optional
        />
        <AmountLines
          name="cofunders"
          legend={t('application.cofunders')}
          hint={t('application.cofundersHint')}
          textLabel={t('application.cofunderName')}
          amountLabel={t('application.cofunderAmount')}
          addLabel={t('application.addCofunder')}
          lines={cofunders}
          onChange={setCofunders}
          errors={form.fieldErrors}
        />
        <section aria-labelledby="aanvraag-totaal">
          <Heading level={2} size="level-4" id="aanvraag-totaal" className="ams-mb-xs">
            {t('application.totals')}
          </Heading>
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('initiative.totalCost')}</DescriptionList.Term>
            <DescriptionList.Description>{money(totals.costs)}</DescriptionList.Description>
            <DescriptionList.Term>{t('initiative.ownContribution')}</DescriptionList.Term>
            <DescriptionList.Description>{money(totals.own)}</DescriptionList.Description>
            <DescriptionList.Term>{t('initiative.cofunding')}</DescriptionList.Term>
            <DescriptionList.Description>{money(totals.cofunding)}</DescriptionList.Description>
            <DescriptionList.Term>{t('initiative.requested')}</DescriptionList.Term>
            <DescriptionList.Description>
              <strong>{money(requested)}</strong>
            </DescriptionList.Description>
          </DescriptionList>
        </section>
        <div className="ww-actions">
          <Button type="submit" name="intent" value="concept" variant="secondary" disabled={form.busy}>
            {t('application.saveDraft')}
          </Button>
          <Button type="submit" name="intent" value="indienen" disabled={form.busy}>
            {t('application.submit')}
          </Button>
        </div>
        {draft ? (
          <p>
            <AppLink to={initiativePath(municipality.code, draft.id)}>{t('application.toStatus')}</AppLink>
          </p>
        ) : null}
      </form>
    </div>
  );
}
