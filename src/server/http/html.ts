// SPDX-License-Identifier: EUPL-1.2
// Escaping text for the few HTML pages the server writes itself (sign-in pages, letters).

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
