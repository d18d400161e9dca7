import type { ReactNode } from 'react';
import { PageTitle } from './PageTitle.js';

/** Props of {@link MessagePanel}; texts already translated. */
export interface MessagePanelProps {
  title: string;
  body: string;
  /** A way out, e.g. a link back to the dashboard. */
  action?: ReactNode;
}

/** A full-page message such as "not found" or "access restricted". */
export function MessagePanel({ title, body, action }: MessagePanelProps) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <section className="panel">
        <p>{body}</p>
        {action === undefined ? null : <p>{action}</p>}
      </section>
    </>
  );
}
