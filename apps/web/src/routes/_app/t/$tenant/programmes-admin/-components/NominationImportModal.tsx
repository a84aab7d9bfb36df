import { useMutation } from '@tanstack/react-query';
import type { RowImportDto } from '@uc/contracts';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { ImportPreview } from '@/features/forms/ImportPreview.tsx';
import { XlsxImportModal } from '@/features/forms/XlsxImportModal.tsx';
import { programmeNominationTemplateUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';

/** Nominate many of our members for a session from an Excel list: a dry run shows who would be nominated, then all or nobody. */
export function NominationImportModal({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const upload = useMutation(api.programme.registration.nominateXlsx.mutationOptions());
  const preview = useMutation(api.programme.registration.nominateXlsx.mutationOptions());
  return (
    <XlsxImportModal
      title={t('programme.nominate.title')}
      intro={t('programme.nominate.intro')}
      drop={t('import.drop')}
      dropHint={t('import.dropHint')}
      templateLabel={t('programme.nominate.template')}
      templateUrl={programmeNominationTemplateUrl(slug)}
      dryRun={(fileBase64) => preview.mutateAsync({ sessionId, fileBase64, dryRun: true })}
      renderPreview={(r) => <NominationPreview result={r} />}
      confirmLabel={(count) => t('programme.nominate.confirm', { count })}
      send={(fileBase64) => upload.mutateAsync({ sessionId, fileBase64 })}
      onImported={refresh}
      successBody={(count) => t('programme.nominate.successBody', { count })}
      onClose={onClose}
    />
  );
}

function NominationPreview({ result }: { result: RowImportDto }) {
  const t = useT();
  return (
    <ImportPreview
      heading={t('programme.nominate.previewTitle', { count: result.imported, rows: result.totalRows })}
      rows={result.preview}
      total={result.imported}
      columns={[
        { title: t('programme.col.member'), key: 'name', width: 140 },
        { title: t('programme.nominate.by'), key: 'detail' },
      ]}
    />
  );
}
