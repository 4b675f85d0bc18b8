// SPDX-License-Identifier: EUPL-1.2
// Dutch by default, English switchable; the choice is kept in localStorage and <html lang> follows.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl, type MessageKey } from './nl.js';
import { en } from './en.js';

export type Language = 'nl' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };
const storageKey = 'wijkwijs.language';

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage unavailable (privacy mode): default
  }
  return 'nl';
}

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
  /** Formats a number the local way (1.234 in Dutch). */
  number: (n: number) => string;
  /** Formats an ISO date (yyyy-mm-dd or a timestamp) for reading. */
  date: (iso: string, withTime?: boolean) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // not persisted; still switched for this visit
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[lang];
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      lang,
      setLang,
      t: (key, values) => format(dictionary[key], values),
      number: (n) => numberFormat.format(n),
      date: (iso, withTime = false) => {
        const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
        if (Number.isNaN(d.getTime())) return iso;
        return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }).format(d);
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
