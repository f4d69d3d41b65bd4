/** Meeting pages whose agenda the radar reads: SessionNet si0057/si0056 and to0040, ALLRIS to010 (3 and 4). */
const AGENDA_PAGE = /\/(?:si005[67]|to0040)\.(?:asp|php)$|\/to010(?:\.asp)?$/i;

export function isAgendaPath(pathname: string): boolean {
  return AGENDA_PAGE.test(pathname);
}
