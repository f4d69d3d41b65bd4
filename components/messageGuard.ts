import * as v from 'valibot';
import type { Sender } from './senderChecks';

/** Who may send a message: this extension's content script in a tab, or a page of the extension. */
export type SenderKind = 'content-script' | 'extension-page';

/** Thrown back to a sender whose message is refused (the sender's promise rejects with it). */
export class RefusedMessage extends Error {
  constructor(readonly reason: 'sender' | 'data') {
    super(`Ratsmarker refused a message: ${reason === 'sender' ? 'not from an allowed sender' : 'invalid data'}`);
    this.name = 'RefusedMessage';
  }
}

/**
 * Wraps a background handler: the sender must be one of `from`, and the data
 * must pass `schema`; only then does the handler run, with the checked data.
 */
export function createGuard(isKind: (kind: SenderKind, sender: Sender) => boolean | Promise<boolean>) {
  return <S extends v.GenericSchema, R>(
    from: readonly SenderKind[],
    schema: S,
    handler: (data: v.InferOutput<S>, sender: Sender) => R | Promise<R>,
  ) =>
    async (message: { data: unknown; sender: Sender }): Promise<R> => {
      let allowed = false;
      for (const kind of from) if (!allowed && (await isKind(kind, message.sender))) allowed = true;
      if (!allowed) throw new RefusedMessage('sender');
      const parsed = v.safeParse(schema, message.data);
      if (!parsed.success) throw new RefusedMessage('data');
      return handler(parsed.output, message.sender);
    };
}
