import { Text } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** True once the person has navigated: each new screen then takes focus on its heading (not on first load). */
export const ScreenFocus = createContext(false);

/**
 * A screen's h1. After a navigation (a send, a save that opens the report, Back) it takes focus and scrolls into
 * view, so a keyboard or screen-reader user continues at the top of the new screen instead of on `<body>`.
 */
export function ScreenHeading(props: { children: ReactNode }) {
  const focus = useContext(ScreenFocus);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = ref.current;
    if (!heading) return;
    // A dialog whose screen goes away while it closes (Send now → the report opens) can leave the modal focus
    // manager's aria-hidden="true" on the tab's container (tabster; microsoft/fluentui#35139 and kin), hiding the
    // whole new screen from screen readers. With no dialog open, nothing above a screen's heading may be hidden.
    if (!heading.ownerDocument.querySelector('[role="dialog"], [role="alertdialog"]')) {
      for (let element = heading.parentElement; element; element = element.parentElement) {
        if (element.getAttribute('aria-hidden') === 'true') element.removeAttribute('aria-hidden');
      }
    }
    if (!focus) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView?.({ block: 'start' });
  }, [focus]);
  return (
    <Text as="h1" ref={ref} tabIndex={-1} size={600} weight="semibold" style={{ outline: 'none', margin: 0 }}>
      {props.children}
    </Text>
  );
}
