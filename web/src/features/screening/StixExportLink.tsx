import { useTranslation } from 'react-i18next';

const STIX_KINDS: ReadonlySet<string> = new Set(['threat_warning', 'modus_operandi', 'wanted']);

/** Download link of a threat alert as a STIX 2.1 bundle (for MISP, OpenCTI); nothing for other messages. */
export function StixExportLink({
  message,
}: {
  message: { id: string; type: string; alertKind?: string | null };
}) {
  const { t } = useTranslation();
  if (message.type !== 'alert' || !STIX_KINDS.has(message.alertKind ?? '')) return null;
  return (
    <a
      className="button button-secondary"
      href={`/api/v1/stix/messages/${message.id}`}
      download={`alert-${message.id}.stix.json`}
      data-testid="stix-export"
    >
      {t('screening.stix.export')}
    </a>
  );
}
