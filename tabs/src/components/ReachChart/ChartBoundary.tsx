import { Text } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

/**
 * Keeps the report on screen when the chart cannot be shown (its code failed to load, an old browser): the funnel
 * and the table say the same in words.
 */
export class ChartBoundary extends Component<{ children: ReactNode; fallback: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <Text>{this.props.fallback}</Text> : this.props.children;
  }
}
