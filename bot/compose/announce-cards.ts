import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../core/cards/card-activity';
import type { AnnouncementForm, FormErrors } from '../../core/responses/announcement';

/** The dialog (task module) answer Teams expects from `composeExtension/fetchTask` and `submitAction`. */
export function taskContinue(title: string, card: Record<string, unknown>): { task: { type: 'continue'; value: Record<string, unknown> } } {
  return { task: { type: 'continue', value: { title, height: 'large', width: 'medium', card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card } } } };
}

const error = (text: string | undefined) => (text ? [{ type: 'TextBlock', text, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' }] : []);

/** The announcement form, with the values the owner typed and, after a failed submit, what to fix per field. */
export function announceFormCard(teamName: string, form: AnnouncementForm, errors: FormErrors = {}): Record<string, unknown> {
  const hasErrors = Object.keys(errors).length > 0;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: `Announce to ${teamName}`, size: 'Medium', weight: 'Bolder', wrap: true },
      ...(hasErrors ? [{ type: 'TextBlock', text: 'Please fix the fields marked below.', color: 'Attention', wrap: true }] : []),
      { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'A title is required.', maxLength: 200, value: form.title },
      ...error(errors.title),
      { type: 'Input.Text', id: 'message', label: 'Message', isMultiline: true, isRequired: true, errorMessage: 'Write the message.', maxLength: 4000, value: form.message },
      ...error(errors.message),
      { type: 'Input.Text', id: 'imageUrl', label: 'Image URL (optional, https://)', style: 'Url', value: form.imageUrl },
      ...error(errors.imageUrl),
      { type: 'Input.Text', id: 'buttonTitle', label: 'Button label (optional)', maxLength: 40, value: form.buttonTitle },
      ...error(errors.buttonTitle),
      { type: 'Input.Text', id: 'buttonUrl', label: 'Button link (https://)', style: 'Url', value: form.buttonUrl },
      ...error(errors.buttonUrl),
      { type: 'Input.Toggle', id: 'notifyMembers', title: 'Also send it to every member of the team personally', valueOn: 'true', valueOff: 'false', value: form.notifyMembers ? 'true' : 'false' },
      ...error(errors.notifyMembers),
    ],
    actions: [{ type: 'Action.Submit', title: 'Preview', data: { heraldAction: 'preview' } }],
  };
}

/** A dialog that only explains (not an owner, not in a team, preview expired). */
export function noticeCard(title: string, text: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text, wrap: true },
    ],
    actions: [{ type: 'Action.Submit', title: 'Close', data: { heraldAction: 'close' } }],
  };
}
