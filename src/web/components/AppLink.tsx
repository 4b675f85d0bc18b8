// SPDX-License-Identifier: EUPL-1.2
import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';

/** A client-side route link styled as an ADS link. */
export function AppLink({ className, ...props }: LinkProps) {
  return <RouterLink {...props} className={className ? `ams-link ${className}` : 'ams-link'} />;
}

/** A safe place to return to after signing in: a path on this site, never another host. */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/')) return fallback;
  return value;
}

/** A router link that takes `href`, for ADS components that accept a `linkComponent`. */
export const HrefLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(function HrefLink({ href, ...rest }, ref) {
  return <RouterLink to={href ?? '#'} {...rest} ref={ref} />;
});
