import { cardContentSchema, type CardContent, type CardContentInput } from '../../../api/contract/card-content';
import { fieldErrors, type FieldErrors } from './field-errors';

export type Importance = CardContent['importance'];

/** What the compose screen edits: plain strings and flags, turned into `CardContent` only at the edge. */
export interface ComposeForm {
  title: string;
  summary: string;
  imageUrl: string;
  body: string;
  buttons: { title: string; url: string }[];
  acknowledge: boolean;
  pollEnabled: boolean;
  poll: { question: string; options: string[]; multiple: boolean; showResults: boolean };
  importance: Importance;
}

export const emptyForm: ComposeForm = {
  title: '',
  summary: '',
  imageUrl: '',
  body: '',
  buttons: [],
  acknowledge: false,
  pollEnabled: false,
  poll: { question: '', options: ['', ''], multiple: false, showResults: true },
  importance: 'normal',
};

export function formFromContent(content: CardContent): ComposeForm {
  return {
    ...emptyForm,
    title: content.title,
    summary: content.summary,
    imageUrl: content.imageUrl ?? '',
    body: content.body,
    buttons: content.buttons.map((button) => ({ ...button })),
    acknowledge: content.acknowledge,
    pollEnabled: content.poll !== undefined,
    poll: content.poll ? { ...content.poll, options: [...content.poll.options] } : emptyForm.poll,
    importance: content.importance,
  };
}

function contentInput(form: ComposeForm): CardContentInput {
  return {
    title: form.title,
    summary: form.summary,
    ...(form.imageUrl.trim() ? { imageUrl: form.imageUrl } : {}),
    body: form.body,
    buttons: form.buttons,
    acknowledge: form.acknowledge,
    ...(form.pollEnabled ? { poll: form.poll } : {}),
    importance: form.importance,
  };
}

/** The content, when the shared schema accepts it, and the schema's message for each field it refuses. */
function imageAccepted(url: string): boolean {
  return url.trim() !== '' && cardContentSchema.shape.imageUrl.safeParse(url).success;
}

export function validateForm(form: ComposeForm): { content?: CardContent; errors: FieldErrors } {
  const parsed = cardContentSchema.safeParse(contentInput(form));
  return parsed.success ? { content: parsed.data, errors: {} } : { errors: fieldErrors(parsed.error) };
}

/** A card to preview even while fields are unfinished: blanks dropped, a bad image address left out. */
export function previewContent(form: ComposeForm): CardContent {
  const options = form.poll.options.map((option) => option.trim()).filter(Boolean);
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    // The image the card would carry: whatever the shared schema accepts (https, or an upload on a loopback address).
    ...(imageAccepted(form.imageUrl) ? { imageUrl: form.imageUrl.trim() } : {}),
    body: form.body.trim(),
    buttons: form.buttons.filter((button) => button.title.trim()).map((button) => ({ title: button.title.trim(), url: button.url.trim() })),
    acknowledge: form.acknowledge,
    ...(form.pollEnabled ? { poll: { ...form.poll, question: form.poll.question.trim(), options } } : {}),
    importance: form.importance,
  };
}
