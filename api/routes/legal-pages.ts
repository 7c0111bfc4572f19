/** Short, honest pages the app manifest links to (`developer.privacyUrl`, `developer.termsOfUseUrl`). */
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head><body><h1>${title}</h1>${body}</body></html>`;

export const PRIVACY_HTML = page(
  'Herald: privacy',
  `<p>Herald is run by your organisation, on its own servers, to deliver announcements in Microsoft Teams.</p>
<p><strong>What it keeps</strong>: for each announcement, its text and the people it went to (their Microsoft Entra id,
sign-in name and display name), whether delivery succeeded and why not, and, when the card asks for it, when each
person acknowledged it and which poll options they chose. For senders: who may send, and an audit log of who sent,
changed, recalled or deleted what, and when. Uploaded card images.</p>
<p><strong>Where</strong>: only in your organisation's Herald database. Herald sends nothing to its authors or to
anyone else; it talks only to Microsoft Graph and the Bot Framework on your organisation's behalf.</p>
<p><strong>Who can see it</strong>: the authorised senders and administrators your organisation names in Herald.</p>
<p><strong>Questions, or to have your data removed</strong>: ask your organisation's IT department, which runs Herald.</p>`,
);

export const TERMS_HTML = page(
  'Herald: terms of use',
  `<p>Herald is open-source software (MIT licence) that your organisation runs for its own announcements. It is
provided as is, without warranty of any kind.</p>
<p>Your organisation decides who may send, to whom, and what; its own policies on internal communications apply to
every message Herald delivers. Recipients can mute or block the Herald chat like any other in Teams.</p>
<p>Questions go to your organisation's IT department, which runs Herald.</p>`,
);
