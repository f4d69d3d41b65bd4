/**
 * Saves text as a file through the browser's download (no downloads permission needed). On a council
 * page, `parent` is a closed shadow root: the page must not see the link, whose blob address would let
 * its scripts read the file.
 */
export function downloadText(filename: string, text: string, mime: string, parent: ParentNode = document.body): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  parent.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
