import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normalizeServerUrl, validateSettings } from '@/utils/faction/connection';
import {
  type FactionProblem,
  type FactionStatus,
  factionSettingsItem,
  factionStatusItem,
  serverOriginPattern,
} from '../background/factionProtocol';
import { refusedText } from '../faction/refusedText';
import { errorText, type MessageKey, t } from '../i18n';
import { type FactionLoginInput, sendMessage } from '../messages';

/** A failure of the sync in the reader's words (locales: `factionErr…`). */
export function problemText(problem: FactionProblem): string {
  const reason = problem.reason;
  return t(`factionErr${reason[0]?.toUpperCase()}${reason.slice(1)}` as MessageKey, problem.params);
}

/** Where the faction sync stands: who is connected where, the last sync, the last failure. */
export function FactionStatusView({ status }: { status: FactionStatus | null }) {
  if (!status) return <p data-testid="faction-status">{t('factionNotConnected')}</p>;
  return (
    <div data-testid="faction-status">
      <p>
        {status.error
          ? // Not "connected" while the last sync failed: which login and database the failure is about.
            t('factionConfigured', [
              status.user ?? status.login ?? t('factionTokenLogin'),
              status.database,
              status.server,
            ])
          : t('factionConnectedAs', [status.user ?? status.login ?? '–', status.database, status.server])}
      </p>
      <p>
        {status.lastSync
          ? t('factionLastSync', new Date(status.lastSync).toLocaleString(document.documentElement.lang || undefined))
          : t('factionNeverSynced')}
        {status.last && !status.error
          ? ` ${t('factionLastResult', [String(status.last.sent), String(status.last.received)])}`
          : ''}
      </p>
      {status.error ? <p role="alert">{problemText(status.error)}</p> : null}
      {status.refused?.notes.length ? (
        <p role="status" data-testid="faction-refused">
          {refusedText(status.refused, document.documentElement.lang)}
        </p>
      ) : null}
    </div>
  );
}

function Field(props: {
  id: string;
  label: string;
  value: { value: string };
  type?: 'text' | 'url' | 'password';
  autocomplete?: string;
  describedBy?: string;
}) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      <br />
      <input
        id={props.id}
        // Preact types `autocomplete` by input type; these pairs are the HTML standard's.
        {...({ type: props.type ?? 'text', autocomplete: props.autocomplete ?? 'off' } as Record<string, string>)}
        spellcheck={false}
        value={props.value.value}
        aria-describedby={props.describedBy}
        onInput={(e) => {
          props.value.value = (e.currentTarget as HTMLInputElement).value;
        }}
      />
    </p>
  );
}

/** What the host permission the faction holds grants, in words: its server's host, for the sync only. */
export function GrantedHost({ serverUrl }: { serverUrl: string }) {
  let pattern: string;
  try {
    pattern = serverOriginPattern(normalizeServerUrl(serverUrl));
  } catch {
    return null;
  }
  return (
    <p class="meta" data-testid="faction-permission">
      {t('factionPermissionGrants', pattern)}
    </p>
  );
}

/**
 * Options, "Fraktion" (issue 17): the faction's CouchDB login, "Verbinden"
 * (asks for that server's host only, from the click), the status, "Jetzt
 * abgleichen" and "Trennen". The background stores the login and syncs.
 */
export function FactionSection() {
  const serverUrl = useSignal('');
  const database = useSignal('');
  const user = useSignal('');
  const password = useSignal('');
  const token = useSignal('');
  const authorName = useSignal('');
  const status = useSignal<FactionStatus | null>(null);
  const connected = useSignal(false);
  const busy = useSignal(false);
  const message = useSignal('');

  useEffect(() => {
    void factionSettingsItem.getValue().then((s) => {
      connected.value = !!s;
      if (!s) return;
      serverUrl.value = s.serverUrl;
      database.value = s.database;
      authorName.value = s.authorName;
      if (s.auth.kind === 'password') user.value = s.auth.user;
    });
    void factionStatusItem.getValue().then((s) => {
      status.value = s;
    });
    const unwatch = factionStatusItem.watch((s) => {
      status.value = s;
    });
    return unwatch;
  }, []);

  const input = (): FactionLoginInput => ({
    serverUrl: serverUrl.value,
    database: database.value,
    user: user.value,
    password: password.value,
    token: token.value,
    authorName: authorName.value,
  });

  async function connect(event: Event) {
    event.preventDefault();
    message.value = '';
    let pattern: string;
    try {
      pattern = serverOriginPattern(validateSettings(input()).serverUrl);
    } catch (e) {
      message.value = errorText(e);
      return;
    }
    // From the click, before anything else is awaited: the browser asks only from a user's gesture.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) {
      message.value = t('factionPermissionDenied');
      return;
    }
    busy.value = true;
    try {
      status.value = await sendMessage('factionConnect', input());
      connected.value = true;
      password.value = '';
      token.value = '';
    } catch {
      message.value = t('factionConnectFailed');
    } finally {
      busy.value = false;
    }
  }

  async function disconnect() {
    const stored = await factionSettingsItem.getValue();
    busy.value = true;
    try {
      await sendMessage('factionDisconnect', undefined);
      // The server's host is needed no longer.
      if (stored)
        await browser.permissions.remove({ origins: [serverOriginPattern(stored.serverUrl)] }).catch(() => false);
      connected.value = false;
      status.value = null;
      message.value = t('factionDisconnected');
    } catch {
      message.value = t('factionDisconnectFailed');
    } finally {
      busy.value = false;
    }
  }

  return (
    <section aria-labelledby="faction">
      <h2 id="faction">{t('factionSection')}</h2>
      <p>{t('factionIntro')}</p>
      <form onSubmit={connect}>
        <Field
          id="faction-server"
          label={t('factionServer')}
          value={serverUrl}
          type="url"
          describedBy="faction-server-help"
        />
        <p class="meta" id="faction-server-help">
          {t('factionServerHelp')}
        </p>
        <Field id="faction-database" label={t('factionDatabase')} value={database} />
        <Field id="faction-user" label={t('factionUser')} value={user} autocomplete="username" />
        <Field
          id="faction-password"
          label={t('factionPassword')}
          value={password}
          type="password"
          autocomplete="current-password"
        />
        <Field id="faction-token" label={t('factionToken')} value={token} type="password" />
        <Field id="faction-author" label={t('factionAuthorName')} value={authorName} autocomplete="name" />
        <p class="meta">{t('factionStorageNote')}</p>
        <p class="meta">{t('factionAlarmNote')}</p>
        <button type="submit" disabled={busy.value}>
          {busy.value ? t('factionConnecting') : t('factionConnect')}
        </button>
      </form>
      <p role="status" data-testid="faction-message">
        {message.value}
      </p>
      <FactionStatusView status={status.value} />
      {connected.value && <GrantedHost serverUrl={serverUrl.value} />}
      {connected.value ? (
        <p>
          <button type="button" disabled={busy.value} onClick={() => void sendMessage('factionSyncNow', undefined)}>
            {t('factionSyncNow')}
          </button>{' '}
          <button
            type="button"
            disabled={busy.value}
            onClick={() => void disconnect()}
            aria-describedby="faction-disconnect-help"
          >
            {t('factionDisconnect')}
          </button>
        </p>
      ) : null}
      <p class="meta" id="faction-disconnect-help">
        {t('factionDisconnectNote')}
      </p>
    </section>
  );
}
