// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('redactUrl', () => {
  it.each([
    ['/api/auth/email-link/AbC_123-xyz', '/api/auth/email-link/[verborgen]'],
    ['/api/auth/email-link/AbC_123?returnTo=%2F', '/api/auth/email-link/[verborgen]?returnTo=%2F'],
    ['/api/public/survey/K7QM3XHD9PWT', '/api/public/survey/[verborgen]'],
    ['/enquete/K7QM3XHD9PWT', '/enquete/[verborgen]'],
    ['/enquete/bedankt', '/enquete/bedankt'],
    ['/api/auth/email-link', '/api/auth/email-link'],
    ['/api/municipalities/GM0983/areas', '/api/municipalities/GM0983/areas'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
