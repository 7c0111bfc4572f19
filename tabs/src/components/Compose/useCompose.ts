import { useMemo, useState } from 'react';
import type { Audience } from '../../../../api/contract/audience';
import type { NotificationView, SendInput } from '../../../../api/contract/notifications';
import { ApiError, errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { emptyForm, formFromContent, previewContent, validateForm, type ComposeForm } from '../../lib/compose-form';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { stripPrefix, type FieldErrors } from '../../lib/field-errors';
import { strings } from '../../strings/en';
import { useAudiencePreview } from '../AudiencePicker/useAudiencePreview';

/** What the compose screen opens: a blank card, a saved draft, or a sent card to correct. */
export type ComposeTarget = { mode: 'new' } | { mode: 'draft' | 'editSent'; notification: NotificationView };

export interface ComposeNavigation {
  openReport: (id: string) => void;
  openDraft: (notification: NotificationView) => void;
  openList: () => void;
}

const PREVIEW_DELAY_MS = 200;
const noAudience: Audience = { include: [], exclude: [], includeGuests: false };

export function useCompose(target: ComposeTarget, nav: ComposeNavigation) {
  const api = useApi();
  const existing = target.mode === 'new' ? undefined : target.notification;
  const [form, setForm] = useState<ComposeForm>(() => (existing ? formFromContent(existing.content) : emptyForm));
  const [audience, setAudience] = useState<Audience>(existing?.audience ?? noAudience);
  const [draftId, setDraftId] = useState(existing?.id);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const validation = useMemo(() => validateForm(form), [form]);
  // Building and rendering the card costs tens of milliseconds: refresh the preview when typing pauses.
  const settledForm = useDebouncedValue(form, PREVIEW_DELAY_MS);
  const preview = useMemo(() => previewContent(settledForm), [settledForm]);
  const audiencePreview = useAudiencePreview(audience);
  const shown = Object.entries(validation.errors).filter(([path]) => showAll || touched.has(path));
  const errors: FieldErrors = { ...serverErrors, ...Object.fromEntries(shown) };

  const change = (patch: Partial<ComposeForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setServerErrors({});
  };
  const blur = (path: string) => setTouched((previous) => new Set(previous).add(path));

  /** Runs one server action, showing its error (and field errors) instead of throwing. */
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setMessage(undefined);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError) setServerErrors(stripPrefix(error.fields, 'content.'));
      setMessage({ intent: 'error', text: errorMessage(error) });
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const save = async (): Promise<string | undefined> => {
    if (!validation.content) {
      setShowAll(true);
      setMessage({ intent: 'error', text: strings.compose.fixErrors });
      return undefined;
    }
    const input = { content: validation.content, ...(audience.include.length > 0 ? { audience } : {}) };
    const saved = await run(() => (draftId ? api.updateDraft(draftId, input) : api.createDraft(input)));
    if (saved) setDraftId(saved.id);
    return saved?.id;
  };

  const saveDraft = async () => (await save()) && setMessage({ intent: 'success', text: strings.compose.saved });
  const duplicate = async () => {
    const id = await save();
    const copy = id ? await run(() => api.duplicate(id)) : undefined;
    if (copy) nav.openDraft(copy);
  };
  const remove = async () => {
    setConfirmDelete(false);
    if (draftId && (await run(() => api.deleteNotification(draftId).then(() => true)))) nav.openList();
  };
  const send = async (input: SendInput) => {
    const id = await save();
    if (id && (await run(() => api.send(id, input)))) nav.openReport(id);
  };
  const updateSent = async () => {
    if (!validation.content || !draftId) return void setShowAll(true);
    const content = validation.content;
    if (await run(() => api.editSent(draftId, content))) nav.openReport(draftId);
  };

  return {
    mode: target.mode,
    form,
    change,
    blur,
    errors,
    preview,
    audience,
    setAudience,
    audiencePreview,
    draftId,
    message,
    busy,
    confirmDelete,
    setConfirmDelete,
    saveDraft,
    duplicate,
    remove,
    send,
    updateSent,
  };
}
