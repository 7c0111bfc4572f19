import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AudienceKind, Sender, SenderUpdate } from '../../../../api/contract/admin';
import type { SearchResult } from '../../../../api/contract/audience';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { keys, useSendersQuery } from '../../api/queries';
import type { Flash } from '../../lib/flash';
import { strings } from '../../strings';

/** What a new sender may use unless the administrator chooses otherwise: everything but "everyone". */
export const DEFAULT_KINDS: AudienceKind[] = ['user', 'group', 'team', 'csv'];

/**
 * Herald's senders and their permissions: a person found in the directory is given a role and audience kinds
 * (`PUT /api/senders/:userId` accepts anyone of the tenant), and each existing row is edited and saved on its own.
 */
export function useSenders() {
  const api = useApi();
  const client = useQueryClient();
  const query = useSendersQuery();
  const [edits, setEdits] = useState<Record<string, SenderUpdate>>({});
  // Each result shows beside the control that caused it: the add form, or the row that was saved.
  const [messages, setMessages] = useState<Record<string, Flash>>({});
  const [candidate, setCandidate] = useState<SearchResult>();
  const [grant, setGrant] = useState<SenderUpdate>({ role: 'sender', allowedAudienceKinds: DEFAULT_KINDS });
  const [busy, setBusy] = useState(false);

  const current = (sender: Sender): SenderUpdate => edits[sender.userId] ?? { role: sender.role, allowedAudienceKinds: sender.allowedAudienceKinds };
  const edit = (sender: Sender, patch: Partial<SenderUpdate>) => setEdits((all) => ({ ...all, [sender.userId]: { ...current(sender), ...patch } }));
  const say = (key: string, flash: Flash) => setMessages((all) => ({ ...all, [key]: flash }));

  const put = async (userId: string, update: SenderUpdate, key: string, done: (saved: Sender) => string) => {
    setBusy(true);
    try {
      const saved = await api.updateSender(userId, update);
      client.setQueryData<Sender[]>(keys.senders, (list) => [...(list ?? []).filter((item) => item.userId !== saved.userId), saved]);
      void client.invalidateQueries({ queryKey: keys.senders });
      void client.invalidateQueries({ queryKey: keys.audit });
      say(key, { intent: 'success', text: done(saved) });
      return true;
    } catch (failure) {
      say(key, { intent: 'error', text: errorMessage(failure) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async (sender: Sender) => {
    const update = current(sender);
    const ok = await put(sender.userId, update, sender.userId, () => (update.role === 'none' ? strings.senders.removed(sender.displayName) : strings.senders.saved(sender.displayName)));
    if (ok) setEdits(({ [sender.userId]: _, ...rest }) => rest);
  };

  const add = async () => {
    if (!candidate) return;
    const person = candidate;
    const ok = await put(person.id, grant, 'add', (saved) => strings.senders.added(saved.displayName, strings.senders.roles[saved.role].toLowerCase()));
    if (ok) setCandidate(undefined);
  };

  const senders = query.data?.filter((sender) => sender.role !== 'none').sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    senders,
    error: query.error,
    current,
    edit,
    save,
    messages,
    dirty: (sender: Sender) => sender.userId in edits,
    candidate,
    choose: (person: SearchResult) => (setCandidate(person), setMessages(({ add: _, ...rest }) => rest)),
    grant,
    setGrant,
    add,
    busy,
  };
}
