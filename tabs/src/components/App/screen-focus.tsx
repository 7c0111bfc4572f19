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
    if (!focus || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView?.({ block: 'start' });
  }, [focus]);
  return (
    <Text as="h1" ref={ref} tabIndex={-1} size={600} weight="semibold" style={{ outline: 'none', margin: 0 }}>
      {props.children}
    </Text>
  );
}
