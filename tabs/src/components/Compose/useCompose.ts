import { useMemo, useState } from 'react';
import type { Me } from '../../../../api/contract/admin';
import type { Audience } from '../../../../api/contract/audience';
import type { NotificationView, SendInput } from '../../../../api/contract/notifications';
import { ApiError, errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { useNotificationChanged } from '../../api/queries';
import { emptyForm, formFromContent, previewContent, validateForm, type ComposeForm } from '../../lib/compose-form';
import { fieldsFromServer, type FieldErrors } from '../../lib/field-errors';
import { setFlash, takeFlash, type Flash } from '../../lib/flash';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { list, strings, time } from '../../strings';
import { useAudiencePreview } from '../AudiencePicker/useAudiencePreview';
import type { Navigation } from '../App/useApp';

export type ComposeStep = 'content' | 'audience' | 'review';
export const STEPS: ComposeStep[] = ['content', 'audience', 'review'];

const PREVIEW_DELAY_MS = 200;
const noAudience: Audience = { include: [], exclude: [], includeGuests: false };

export interface ComposeOptions {
  mode: 'draft' | 'editSent';
  existing?: NotificationView;
  me: Me;
  nav: Navigation;
  notice?: Flash;
}

/** The compose flow's state: the form, its step, the audience, and every server action with its result message. */
export function useCompose(options: ComposeOptions) {
  const { existing, nav, me } = options;
  const api = useApi();
  const changed = useNotificationChanged();
  const [form, setForm] = useState<ComposeForm>(() => (existing?.content ? formFromContent(existing.content) : emptyForm));
  const [audience, setAudience] = useState<Audience>(existing?.audience ?? noAudience);
  const [draftId, setDraftId] = useState(existing?.id);
  const [step, setStep] = useState<ComposeStep>('content');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  // Shown next to the buttons that caused it (the action bar), or at the top when another screen sent it here.
  const [message, setMessage] = useState<Flash | undefined>(() => takeFlash() ?? options.notice);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'update'>();

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

  /** Runs one server action, showing its error (and field errors) beside the buttons instead of throwing. */
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setMessage(undefined);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError) setServerErrors(fieldsFromServer(error.fields, 'content.'));
      setMessage({ intent: 'error', text: refusal(error, audience, me) });
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const save = async (): Promise<string | undefined> => {
    if (!validation.content) {
      setShowAll(true);
      setStep('content');
      setMessage({ intent: 'error', text: strings.compose.fixErrors });
      return undefined;
    }
    const input = { content: validation.content, ...(audience.include.length > 0 ? { audience } : {}) };
    const saved = await run(() => (draftId ? api.updateDraft(draftId, input) : api.createDraft(input)));
    if (!saved) return undefined;
    changed(saved);
    if (!draftId) {
      setDraftId(saved.id);
      // The address now names the draft, so a reload reopens it instead of a blank form.
      window.history.replaceState(null, '', `#/compose/${encodeURIComponent(saved.id)}`);
    }
    return saved.id;
  };

  const saveDraft = async () => {
    if (await save()) setMessage({ intent: 'success', text: strings.compose.saved(time(Date.now())) });
  };
  const duplicate = async () => {
    const id = await save();
    const copy = id ? await run(() => api.duplicate(id)) : undefined;
    if (!copy) return;
    changed(copy);
    setFlash({ intent: 'info', text: strings.compose.duplicated });
    nav.openDraft(copy.id);
  };
  const remove = async () => {
    setConfirm(undefined);
    if (!draftId || !(await run(() => api.deleteNotification(draftId).then(() => true)))) return;
    changed();
    setFlash({ intent: 'success', text: strings.compose.deleted });
    nav.openList('drafts');
  };
  const send = async (input: SendInput) => {
    const id = await save();
    const sent = id ? await run(() => api.send(id, input)) : undefined;
    if (!sent) return;
    changed(sent);
    nav.openReport(sent.id);
  };
  const updateSent = async () => {
    setConfirm(undefined);
    if (!validation.content || !draftId) return void (setShowAll(true), setMessage({ intent: 'error', text: strings.compose.fixErrors }));
    const content = validation.content;
    setMessage({ intent: 'info', text: strings.compose.updating });
    const updated = await run(() => api.editSent(draftId, content));
    if (!updated) return;
    changed(updated);
    setFlash({ intent: 'success', text: strings.compose.updated });
    nav.openReport(draftId);
  };

  const askUpdate = () => {
    if (!validation.content) return void (setShowAll(true), setMessage({ intent: 'error', text: strings.compose.fixErrors }));
    setConfirm('update');
  };

  return {
    mode: options.mode,
    existing,
    form,
    change,
    blur,
    errors,
    preview,
    audience,
    setAudience,
    audiencePreview,
    draftId,
    step,
    setStep,
    message,
    dismissMessage: () => setMessage(undefined),
    busy,
    confirm,
    setConfirm,
    saveDraft,
    duplicate,
    remove,
    send,
    updateSent,
    askUpdate,
  };
}

/** The tab's own sentence for a refused action; a refused audience kind names the kinds this person may use. */
function refusal(error: unknown, audience: Audience, me: Me): string {
  const allowed = new Set(me.allowedAudienceKinds);
  const refusedKind = [...audience.include, ...audience.exclude].some((source) => !allowed.has(source.kind));
  if (error instanceof ApiError && error.status === 403 && refusedKind) {
    const kinds = me.allowedAudienceKinds.map((kind) => strings.audience.kindsPlural[kind as keyof typeof strings.audience.kindsPlural] ?? kind);
    return strings.send.notAllowed(list(kinds));
  }
  return errorMessage(error);
}
