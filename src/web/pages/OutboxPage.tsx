// SPDX-License-Identifier: EUPL-1.2
// The development outbox: mail Wijkwijs would have sent, so demo residents can follow their link.
import { Fragment } from 'react';
import { Button, Heading, Paragraph } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useRequiredMunicipality } from '../municipality.js';
import { useApi } from '../api/use-api.js';
import type { OutboxMessage } from '../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../components/Layout.js';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its web addresses as links. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} className="ams-link" href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function OutboxPage() {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const outbox = useApi<OutboxMessage[]>(`/api/municipalities/${municipality.code}/outbox`);
  useDocumentTitle(t('outbox.heading'));

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('outbox.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('outbox.intro')}</Paragraph>
      <div className="ams-mb-m">
        <Button variant="secondary" onClick={outbox.reload}>
          {t('outbox.refresh')}
        </Button>
      </div>
      {outbox.error ? (
        <LoadError error={outbox.error} onRetry={outbox.reload} />
      ) : !outbox.data ? (
        <Loading />
      ) : outbox.data.length === 0 ? (
        <Paragraph>{t('outbox.none')}</Paragraph>
      ) : (
        <ol className="ww-mail-list">
          {outbox.data.map((m) => (
            <li key={m.id}>
              <article className="ww-mail" aria-labelledby={`mail-${m.id}`}>
                <Heading level={2} size="level-4" id={`mail-${m.id}`}>
                  {m.subject}
                </Heading>
                <p className="ww-mail__meta">
                  {t('outbox.to')}: {m.to} · {t('outbox.sent')}: <time dateTime={m.createdAt}>{date(m.createdAt, true)}</time>
                </p>
                <div className="ww-mail__body">
                  <Linkified text={m.body} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
