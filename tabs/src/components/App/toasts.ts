import { useToastController } from '@fluentui/react-components';

/** The one toaster of the tab (bottom right, announced politely to screen readers). */
export const TOASTER_ID = 'herald-toaster';

export function useHeraldToasts() {
  return useToastController(TOASTER_ID);
}
