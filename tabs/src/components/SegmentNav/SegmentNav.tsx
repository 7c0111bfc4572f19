import { Button } from '@fluentui/react-components';
import { useSegmentNavStyles } from './useSegmentNavStyles.styles';

export interface SegmentNavProps<T extends string> {
  label: string;
  items: { value: T; label: string }[];
  selected: T;
  /** What the selected item is to assistive technology: the page on show, or the current step of a flow. */
  current: 'page' | 'step';
  onSelect: (value: T) => void;
  /** `nav` for the tab's sections; a labelled group for steps and filters inside a screen. */
  as?: 'nav' | 'group';
}

/**
 * A row of buttons that switch what is on show, the selected one marked with `aria-current`. Navigation is not a
 * tab list (there are no tab panels), and plain buttons keep tabster's hidden focus sentinels (which axe reports as
 * aria-hidden-focus) out of the page. Wraps onto more lines at narrow widths instead of being cut off.
 */
export function SegmentNav<T extends string>(props: SegmentNavProps<T>) {
  const styles = useSegmentNavStyles();
  const buttons = (
    <ul className={styles.list}>
      {props.items.map((item) => {
        const selected = item.value === props.selected;
        return (
          <li key={item.value}>
            <Button
              appearance="subtle"
              className={selected ? styles.selected : styles.item}
              aria-current={selected ? props.current : undefined}
              onClick={() => props.onSelect(item.value)}
            >
              {item.label}
            </Button>
          </li>
        );
      })}
    </ul>
  );
  return props.as === 'nav' ? (
    <nav aria-label={props.label} className={styles.root}>{buttons}</nav>
  ) : (
    <div role="group" aria-label={props.label} className={styles.root}>{buttons}</div>
  );
}
