import { z } from 'zod';
import { cardContentSchema, type CardContent } from '../cards/card-content';

/** What a team owner types in the compose-box dialog (Adaptive Card inputs arrive as strings). */
export interface AnnouncementForm {
  title: string;
  message: string;
  imageUrl: string;
  buttonTitle: string;
  buttonUrl: string;
  /** Also deliver it 1:1 to every member of the team. */
  notifyMembers: boolean;
}

export const EMPTY_FORM: AnnouncementForm = { title: '', message: '', imageUrl: '', buttonTitle: '', buttonUrl: '', notifyMembers: false };

const text = z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string());
const formSchema = z.object({
  title: text,
  message: text,
  imageUrl: text,
  buttonTitle: text,
  buttonUrl: text,
  // Input.Toggle sends "true"/"false" (its valueOn/valueOff).
  notifyMembers: z.preprocess((value) => value === true || value === 'true', z.boolean()),
});

/** Reads the dialog's submitted data, whatever else the submit carried. */
export function readForm(data: unknown): AnnouncementForm {
  const parsed = formSchema.safeParse(typeof data === 'object' && data !== null ? data : {});
  return parsed.success ? parsed.data : { ...EMPTY_FORM };
}

export type FormErrors = Partial<Record<keyof AnnouncementForm, string>>;

/** Turns the form into card content, or says what to fix, per field. */
export function announcementContent(form: AnnouncementForm, attribution?: string): { content: CardContent } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const hasButton = form.buttonTitle.trim() !== '' || form.buttonUrl.trim() !== '';
  if (hasButton && !form.buttonTitle.trim()) errors.buttonTitle = 'Give the button a label, or clear its link.';
  if (hasButton && !form.buttonUrl.trim()) errors.buttonUrl = 'Give the button a link, or clear its label.';
  const parsed = cardContentSchema.safeParse({
    title: form.title,
    summary: form.message,
    ...(form.imageUrl.trim() ? { imageUrl: form.imageUrl } : {}),
    buttons: hasButton && form.buttonTitle.trim() && form.buttonUrl.trim() ? [{ title: form.buttonTitle, url: form.buttonUrl }] : [],
    ...(attribution ? { attribution } : {}),
  });
  if (!form.message.trim()) errors.message = 'Write the message.';
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'summary' ? 'message' : issue.path[0] === 'buttons' ? (issue.path[2] === 'url' ? 'buttonUrl' : 'buttonTitle') : issue.path[0];
      if (typeof field === 'string' && field in EMPTY_FORM) errors[field as keyof AnnouncementForm] ??= capitalise(issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { content: parsed.data };
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (/[a-z]$/i.test(message) ? '.' : '');
}
