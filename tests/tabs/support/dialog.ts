import { screen, within } from '@testing-library/react';

/**
 * Finds an open dialog by its title and returns queries inside it. Under jsdom, Fluent's focus manager (tabster)
 * sometimes leaves `aria-hidden` on the open dialog itself (microsoft/fluentui#35139 and kin), which real browsers
 * do not; so role queries inside the dialog include hidden elements. The dialog is still found by role and name.
 */
export async function findDialog(name: string) {
  const dialog = await screen.findByRole('alertdialog', { name, hidden: true });
  const queries = within(dialog);
  return {
    dialog,
    getByText: queries.getByText,
    getButton: (label: string | RegExp) => queries.getByRole('button', { name: label, hidden: true }),
    getList: (label: string) => queries.getByRole('list', { name: label, hidden: true }),
  };
}
