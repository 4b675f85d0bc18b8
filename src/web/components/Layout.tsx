// SPDX-License-Identifier: EUPL-1.2
// The page frame: skip link, header (municipality name and logo, language switch, who is signed
// in), main navigation, the main landmark and a footer that credits CBS where CBS data is shown.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, useLocation, useNavigate } from 'react-router';
import { Button, SkipLink } from './ads.js';
import { useI18n } from '../i18n/i18n.js';
import type { ProblemError } from '../api/client.js';
import { actorHasCapability, useSession } from '../session.js';
import { logoSource, useMunicipality, useOutboxAvailable } from '../municipality.js';

const SourceContext = createContext<(shown: boolean) => void>(() => undefined);

/** Pages that show CBS figures or boundaries call this; the footer then credits the source. */
export function useCbsSource(): void {
  const setShown = useContext(SourceContext);
  useEffect(() => {
    setShown(true);
    return () => setShown(false);
  }, [setShown]);
}

/** Sets the document title: "<page> – <municipality> – Wijkwijs". */
export function useDocumentTitle(title: string | undefined): void {
  const municipality = useMunicipality();
  useEffect(() => {
    const parts = [title, municipality?.theme.displayName, 'Wijkwijs'].filter((p): p is string => Boolean(p));
    document.title = parts.join(' – ');
  }, [title, municipality]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const municipality = useMunicipality();
  const { actor, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [cbsShown, setCbsShown] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the main content so screen readers start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  const code = municipality?.code;
  const signedInHere = actor !== null && (!code || actor.municipality === code);
  const showAdmin = code ? actorHasCapability(actor, code, 'people.manage') : false;
  const showSurveys = code ? actorHasCapability(actor, code, 'monitor.manage') : false;
  const logo = logoSource(municipality?.theme.logoSvg);
  const outbox = useOutboxAvailable(code);

  async function onSignOut() {
    await signOut();
    void navigate(code ? `/inloggen?gemeente=${code}` : '/inloggen');
  }

  return (
    <SourceContext.Provider value={setCbsShown}>
      <div className="ww-page">
        <SkipLink href="#inhoud">{t('app.skipToContent')}</SkipLink>
        <header className="ww-header">
          <div className="ww-header__inner">
            <RouterLink className="ww-header__brand" to={code ? `/gemeente/${code}` : '/'}>
              {logo ? <img className="ww-header__logo" src={logo} alt="" /> : null}
              <span className="ww-header__name">{municipality?.theme.displayName ?? t('app.name')}</span>
            </RouterLink>
            <div className="ww-header__tools">
              <button type="button" className="ww-header__button" lang={lang === 'nl' ? 'en' : 'nl'} onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>
                {t('app.languageSwitch')}
              </button>
              {signedInHere && actor ? (
                <>
                  <span className="ww-header__person">{t('app.signedInAs', { name: actor.name })}</span>
                  <button type="button" className="ww-header__button" onClick={() => void onSignOut()}>
                    {t('app.signOut')}
                  </button>
                </>
              ) : location.pathname !== '/inloggen' ? (
                <RouterLink className="ww-header__button" to={code ? `/inloggen?gemeente=${code}&terug=${encodeURIComponent(location.pathname)}` : '/inloggen'}>
                  {t('app.signIn')}
                </RouterLink>
              ) : null}
            </div>
          </div>
          {code ? (
            <nav className="ww-nav" aria-label={t('app.mainNavigation')}>
              <ul className="ww-nav__list">
                <li>
                  <NavLink className="ww-nav__link" to={`/gemeente/${code}`} end>
                    {t('nav.areas')}
                  </NavLink>
                </li>
                <li>
                  <NavLink className="ww-nav__link" to={`/gemeente/${code}/rondes`}>
                    {t('nav.rounds')}
                  </NavLink>
                </li>
                {signedInHere ? (
                  <li>
                    <NavLink className="ww-nav__link" to={`/gemeente/${code}/wijkkompas`}>
                      {t('nav.wijkkompas')}
                    </NavLink>
                  </li>
                ) : null}
                {showSurveys ? (
                  <li>
                    <NavLink className="ww-nav__link" to={`/gemeente/${code}/enquetes`}>
                      {t('nav.surveys')}
                    </NavLink>
                  </li>
                ) : null}
                {showAdmin ? (
                  <>
                    <li>
                      <NavLink className="ww-nav__link" to={`/gemeente/${code}/beheer/personen`}>
                        {t('nav.people')}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink className="ww-nav__link" to={`/gemeente/${code}/beheer/organisaties`}>
                        {t('nav.organisations')}
                      </NavLink>
                    </li>
                  </>
                ) : null}
                <li>
                  <NavLink className="ww-nav__link" to={`/gemeente/${code}/initiatieven`}>
                    {t('nav.initiatives')}
                  </NavLink>
                </li>
                {outbox ? (
                  <li>
                    <NavLink className="ww-nav__link" to={`/gemeente/${code}/outbox`}>
                      {t('nav.outbox')}
                    </NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="inhoud" className="ww-main" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
        <footer className="ww-footer">
          <div className="ww-footer__inner">
            {cbsShown ? <p className="ww-footer__source">{t('app.sourceCbs')}</p> : null}
            <p>{t('app.footer')}</p>
          </div>
        </footer>
      </div>
    </SourceContext.Provider>
  );
}

/** Loading, error and empty states in the same voice everywhere. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="ww-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load: the API's own words, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ProblemError; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="ww-notice ww-notice--error" role="alert">
      <p className="ww-notice__heading">{t('app.errorHeading')}</p>
      <p>{error.localized(lang)}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      ) : null}
    </div>
  );
}
