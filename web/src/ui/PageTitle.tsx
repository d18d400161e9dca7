import type { ReactNode } from 'react';

/** Props of {@link PageTitle}. */
export interface PageTitleProps {
  children: ReactNode;
  testId?: string;
}

/**
 * The page's one `<h1>`. Focusable by script (not by Tab) so the shell can move focus to it after
 * navigation and screen readers announce the new page.
 */
export function PageTitle({ children, testId }: PageTitleProps) {
  return (
    <h1 className="page-title" tabIndex={-1} data-testid={testId}>
      {children}
    </h1>
  );
}
