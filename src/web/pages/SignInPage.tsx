// SPDX-License-Identifier: EUPL-1.2
// Sign-in: staff with email and password, staff through the municipality's identity provider (when
// configured), residents with a one-time email link. `?fout=link_ongeldig` explains a dead link.
import { useState } from 'react';
import { useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useMunicipality, useOutboxAvailable } from '../municipality.js';
import { api } from '../api/client.js';
import type { Municipality } from '../api/types.js';
import { isEmail, Notice, SelectField, TextField, useFormState, type FieldErrors } from '../components/forms.js';
import { useDocumentTitle } from '../components/Layout.js';
import { AppLink, safeReturnPath } from '../components/AppLink.js';

export function SignInPage() {
  const { t } = useI18n();
  const all = useOutletContext<Municipality[]>();
  const municipality = useMunicipality();
  const [search, setSearch] = useSearchParams();
  const { actor } = useSession();
  useDocumentTitle(t('signIn.heading'));

  const code = municipality?.code ?? '';
  const returnTo = safeReturnPath(search.get('terug'), code ? `/gemeente/${code}` : '/');
  const linkInvalid = search.get('fout') === 'link_ongeldig';

  function chooseMunicipality(next: string) {
    const params = new URLSearchParams(search);
    params.set('gemeente', next);
    setSearch(params, { replace: true });
  }

  return (
    <div className="ww-container ww-container--narrow">
      <Heading level={1} className="ams-mb-m">
        {t('signIn.heading')}
      </Heading>
      {linkInvalid ? (
        <Notice kind="error" heading={t('signIn.linkInvalidHeading')}>
          {t('signIn.linkInvalid')}
        </Notice>
      ) : null}
      {actor ? (
        <Notice kind="info">
          <p>
            {t('signIn.alreadySignedIn', { name: actor.name })} <AppLink to={`/gemeente/${actor.municipality}`}>{t('nav.areas')}</AppLink>
          </p>
        </Notice>
      ) : null}
      {all.length > 1 ? (
        <div className="ams-mb-l">
          <SelectField
            label={t('signIn.municipality')}
            name="municipality"
            value={code}
            placeholder={code ? undefined : '—'}
            onChange={chooseMunicipality}
            options={all.map((m) => ({ value: m.code, label: m.theme.displayName }))}
          />
        </div>
      ) : null}
      {municipality ? (
        <>
          {municipality.signIn.password ? <PasswordForm code={municipality.code} returnTo={returnTo} /> : null}
          {municipality.signIn.oidc ? (
            <section className="ww-section" aria-labelledby="oidc-heading">
              <Heading level={2} size="level-3" id="oidc-heading" className="ams-mb-s">
                {t('signIn.oidcHeading')}
              </Heading>
              <a className="ams-button ams-button--secondary" href={`/api/auth/oidc/${municipality.code}/start?returnTo=${encodeURIComponent(returnTo)}`}>
                {t('signIn.oidc', { label: municipality.signIn.oidc.label })}
              </a>
            </section>
          ) : null}
          {municipality.signIn.emailLink ? <EmailLinkForm code={municipality.code} returnTo={returnTo} /> : null}
        </>
      ) : null}
    </div>
  );
}

function PasswordForm({ code, returnTo }: { code: string; returnTo: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormState();

  return (
    <section className="ww-section" aria-labelledby="staff-heading">
      <Heading level={2} size="level-3" id="staff-heading" className="ams-mb-s">
        {t('signIn.staffHeading')}
      </Heading>
      <form
        noValidate
        className="ww-form"
        onSubmit={(event) =>
          void form.submit(
            event,
            (): FieldErrors => ({
              email: email.trim() === '' ? t('signIn.emailRequired') : !isEmail(email) ? t('signIn.emailInvalid') : undefined,
              password: password === '' ? t('signIn.passwordRequired') : undefined,
            }),
            async () => {
              await signIn(code, email.trim(), password);
              await navigate(returnTo);
            },
            // Wrong email or password: say so at the password field (the email may be right).
            (problem, message) => (problem.code === 'invalid_credentials' ? { password: message } : undefined),
          )
        }
      >
        {form.formError ? (
          <Notice kind="error" heading={t('app.errorHeading')}>
            {form.formError}
          </Notice>
        ) : null}
        <TextField
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={form.fieldErrors.email}
          required
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
          required
        />
        <div>
          <Button type="submit" disabled={form.busy}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function EmailLinkForm({ code, returnTo }: { code: string; returnTo: string }) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<{ to: string; message: string } | null>(null);
  const outbox = useOutboxAvailable(code);
  const form = useFormState();

  return (
    <section className="ww-section" aria-labelledby="resident-heading">
      <Heading level={2} size="level-3" id="resident-heading" className="ams-mb-s">
        {t('signIn.residentHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('signIn.residentIntro')}</Paragraph>
      {sent ? (
        <Notice kind="success" heading={t('signIn.residentSent')}>
          <p>{sent.message}</p>
          {outbox ? (
            <p>
              {t('signIn.outboxHint')} <AppLink to={`/gemeente/${code}/outbox`}>{t('nav.outbox')}</AppLink>
            </p>
          ) : null}
        </Notice>
      ) : (
        <form
          noValidate
          className="ww-form"
          onSubmit={(event) =>
            void form.submit(
              event,
              (): FieldErrors => ({ email: email.trim() === '' ? t('signIn.emailRequired') : !isEmail(email) ? t('signIn.emailInvalid') : undefined }),
              async () => {
                const answer = await api.post<{ message?: string; message_en?: string } | undefined>('/api/auth/email-link', {
                  municipality: code,
                  email: email.trim(),
                  returnTo,
                });
                const fromServer = lang === 'en' ? answer?.message_en : answer?.message;
                setSent({ to: email.trim(), message: fromServer ?? t('signIn.residentSentBody', { email: email.trim() }) });
              },
            )
          }
        >
          {form.formError ? (
            <Notice kind="error" heading={t('app.errorHeading')}>
              {form.formError}
            </Notice>
          ) : null}
          <TextField
            label={t('signIn.email')}
            name="resident-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            error={form.fieldErrors.email}
            required
          />
          <div>
            <Button type="submit" variant="secondary" disabled={form.busy}>
              {t('signIn.residentSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
