import { Component, type ReactNode } from 'react';

/** Props of {@link LazyPageBoundary}. */
export interface LazyPageBoundaryProps {
  /** What to show when the page's code failed to load; `retry` loads it again. */
  failed: (retry: () => void) => ReactNode;
  /** Called on retry, before the page renders again (a lazy page must be re-created). */
  onRetry: () => void;
  children: ReactNode;
}

/**
 * Catches the failure of a lazily loaded page (its chunk failed to download, e.g. after a
 * redeploy renamed it) and offers a retry instead of an empty screen.
 */
export class LazyPageBoundary extends Component<LazyPageBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  #retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? this.props.failed(this.#retry) : this.props.children;
  }
}
