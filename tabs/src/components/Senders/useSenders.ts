import { useEffect, useState } from 'react';
import type { Sender, SenderUpdate } from '../../../../api/contract/admin';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';

/** Herald's senders and their permissions; each row is edited locally and saved on its own. */
export function useSenders() {
  const api = useApi();
  const [senders, setSenders] = useState<Sender[]>();
  const [edits, setEdits] = useState<Record<string, SenderUpdate>>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();

  useEffect(() => {
    let active = true;
    api.senders().then(
      (value) => active && setSenders(value),
      (failure: unknown) => active && setMessage({ intent: 'error', text: errorMessage(failure) }),
    );
    return () => {
      active = false;
    };
  }, [api]);

  const current = (sender: Sender): SenderUpdate => edits[sender.userId] ?? { role: sender.role, allowedAudienceKinds: sender.allowedAudienceKinds };
  const edit = (sender: Sender, patch: Partial<SenderUpdate>) => setEdits((all) => ({ ...all, [sender.userId]: { ...current(sender), ...patch } }));

  const save = async (sender: Sender, savedText: string) => {
    try {
      const saved = await api.updateSender(sender.userId, current(sender));
      setSenders((list) => list?.map((item) => (item.userId === saved.userId ? saved : item)));
      setEdits(({ [sender.userId]: _, ...rest }) => rest);
      setMessage({ intent: 'success', text: savedText });
    } catch (failure) {
      setMessage({ intent: 'error', text: errorMessage(failure) });
    }
  };

  return { senders, current, edit, save, message, dirty: (sender: Sender) => sender.userId in edits };
}
