// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes/:id/idee: a resident proposes an idea during the ideas phase. The server
// asks for a signed-in resident (a sign-in link by email, no password), so without a session the page
// explains that and links to the sign-in page, which brings the resident back here.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../api/client.js';
import type { Idea, Round } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useSession } from '../../session.js';
import { parseAmount } from '../../../core/money.js';
import { RoundPageHeading, roundPath, roundsApi, useMoney, WithRound } from './round-shared.js';

export function IdeaPage() {
  const { roundId } = useParams();
  return <WithRound roundId={roundId}>{(round) => <IdeaView round={round} />}</WithRound>;
}

/** Parses a typed amount in the reader's notation into cents; null when it is not an amount. */
export function parseCost(value: string, lang: 'nl' | 'en'): number | null {
  try {
    return parseAmount(value, { locale: lang });
  } catch {
    return null;
  }
}

function IdeaView({ round }: { round: Round }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const [sent, setSent] = useState<Idea | null>(null);
  const signedIn = actor !== null && actor.municipality === municipality.code;
  const here = roundPath(municipality.code, round.id, 'idee');

  return (
    <div className="ww-container ww-container--narrow">
      <RoundPageHeading round={round} title={t('idea.heading')} />
      {round.status !== 'ideas' ? (
        <Notice kind="info" heading={t('idea.closed')}>
          <p>{t('idea.openFromTo', { from: date(round.phases.ideasFrom), to: date(round.phases.ideasTo) })}</p>
        </Notice>
      ) : sent ? (
        <Sent round={round} idea={sent} onAnother={() => setSent(null)} />
      ) : !signedIn ? (
        <section className="ww-panel" aria-labelledby="idee-inloggen">
          <Heading level={2} size="level-3" id="idee-inloggen" className="ams-mb-s">
            {t('idea.signInHeading')}
          </Heading>
          <Paragraph className="ams-mb-m">{t('idea.signInIntro')}</Paragraph>
          <AppLink to={`/inloggen?gemeente=${municipality.code}&terug=${encodeURIComponent(here)}`}>{t('idea.signIn')}</AppLink>
        </section>
      ) : (
        <>
          <Paragraph className="ams-mb-m">{t('idea.intro', { to: date(round.phases.ideasTo) })}</Paragraph>
          <IdeaForm round={round} onSent={setSent} />
        </>
      )}
      <p className="ams-mt-l">
        <AppLink to={roundPath(municipality.code, round.id)}>{t('vote.backToRound')}</AppLink>
      </p>
    </div>
  );
}

function IdeaForm({ round, onSent }: { round: Round; onSent: (idea: Idea) => void }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const form = useFormState();
  const [areaId, setAreaId] = useState(round.areas.length === 1 ? round.areas[0]!.areaId : '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [cost, setCost] = useState('');

  return (
    <form
      noValidate
      className="ww-form"
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({
            areaId: areaId ? undefined : t('idea.areaRequired'),
            title: title.trim().length >= 3 ? undefined : t('idea.titleRequired'),
            description: description.trim().length >= 10 ? undefined : t('idea.descriptionRequired'),
            estimatedCostCents: cost.trim() === '' || parseCost(cost, lang) !== null ? undefined : t('idea.costInvalid'),
          }),
          async () => {
            const body = {
              areaId,
              title: title.trim(),
              description: description.trim(),
              location: location.trim() || undefined,
              estimatedCostCents: cost.trim() ? (parseCost(cost, lang) ?? undefined) : undefined,
            };
            onSent(await api.post<Idea>(`${roundsApi(municipality.code, true)}/${round.id}/ideas`, body));
          },
        )
      }
    >
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      {round.areas.length > 1 ? (
        <SelectField
          label={t('idea.area')}
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          placeholder={t('idea.areaChoose')}
          options={round.areas.map((a) => ({ value: a.areaId, label: a.areaName }))}
          error={form.fieldErrors.areaId}
          required
        />
      ) : null}
      <TextField label={t('idea.title')} name="title" value={title} onChange={setTitle} error={form.fieldErrors.title} hint={t('idea.titleHint')} required />
      <TextField
        label={t('idea.description')}
        name="description"
        value={description}
        onChange={setDescription}
        error={form.fieldErrors.description}
        hint={t('idea.descriptionHint')}
        rows={6}
        required
      />
      <TextField
        label={t('idea.location')}
        name="location"
        value={location}
        onChange={setLocation}
        error={form.fieldErrors.location}
        hint={t('idea.locationHint')}
        optional
      />
      <TextField
        label={t('idea.cost')}
        name="estimatedCostCents"
        value={cost}
        onChange={setCost}
        error={form.fieldErrors.estimatedCostCents}
        hint={t('idea.costHint')}
        inputMode="decimal"
        optional
      />
      <div>
        <Button type="submit" disabled={form.busy}>
          {t('idea.submit')}
        </Button>
      </div>
    </form>
  );
}

function Sent({ round, idea, onAnother }: { round: Round; idea: Idea; onAnother: () => void }) {
  const { t, date } = useI18n();
  const money = useMoney();
  return (
    <>
      <Notice kind="success" heading={t('idea.sent')}>
        <p>{t('idea.sentBody', { title: idea.title, area: idea.areaName, date: date(round.phases.checkTo) })}</p>
        {idea.estimatedCostCents ? <p>{t('idea.sentCost', { amount: money(idea.estimatedCostCents) })}</p> : null}
      </Notice>
      <Button variant="secondary" onClick={onAnother}>
        {t('idea.another')}
      </Button>
    </>
  );
}

export default IdeaPage;
