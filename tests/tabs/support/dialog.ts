import { screen, waitFor, within } from '@testing-library/react';

/**
 * Finds an open dialog by its title and returns queries inside it.
 *
 * Under jsdom, Fluent's focus manager (tabster) sometimes leaves `aria-hidden="true"` on the open dialog itself
 * (microsoft/fluentui#35139 and kin; real browsers do not). Its instance lives on the window for the whole test
 * file, so whether that happens depends on what earlier tests rendered: the flaky "cancel" test of report.test.tsx.
 * Testing Library then computes the dialog's accessible name as "" even with `hidden: true` (it does not pass
 * `hidden` to the name computation, and the accname algorithm skips a hidden root), so a `name` query never
 * matches. We find the dialog by role and compare the title its `aria-labelledby` points at, which is the name a
 * browser computes; role queries inside it include hidden elements for the same reason.
 */
export async function findDialog(name: string) {
  const dialog = await waitFor(() => {
    const match = screen.getAllByRole('alertdialog', { hidden: true }).find((candidate) => labelOf(candidate) === name);
    if (!match) throw new Error(`No open dialog titled "${name}"`);
    return match;
  });
  const queries = within(dialog);
  return {
    dialog,
    getByText: queries.getByText,
    getButton: (label: string | RegExp) => queries.getByRole('button', { name: label, hidden: true }),
    getList: (label: string) => queries.getByRole('list', { name: label, hidden: true }),
  };
}

function labelOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}
