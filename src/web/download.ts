// SPDX-License-Identifier: EUPL-1.2
// Handing a file the page has in memory (a CSV made here, or one the API sent) to the browser as a
// download: the one way the web app does this.

export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
