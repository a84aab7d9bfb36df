import { useMutation } from '@tanstack/react-query';
import type { ContestImportDto } from '@uc/contracts';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { ImportPreview } from '@/features/forms/ImportPreview.tsx';
import { XlsxImportModal } from '@/features/forms/XlsxImportModal.tsx';
import { contestEntryTemplateUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';

/** Enter many of our members from an Excel list: a dry run shows who would be entered, then all or nothing. */
export function EntryImportModal({ eventId, onClose }: { eventId: string; onClose(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const upload = useMutation(api.contest.registration.import.mutationOptions());
  const preview = useMutation(api.contest.registration.import.mutationOptions());
  return (
    <XlsxImportModal
      title={t('contest.import.title')}
      intro={t('contest.import.intro')}
      drop={t('import.drop')}
      dropHint={t('import.dropHint')}
      templateLabel={t('contest.import.template')}
      templateUrl={contestEntryTemplateUrl(slug)}
      dryRun={(fileBase64) => preview.mutateAsync({ eventId, fileBase64, dryRun: true })}
      renderPreview={(r) => <EntryPreview result={r} />}
      send={(fileBase64) => upload.mutateAsync({ eventId, fileBase64 })}
      onImported={refresh}
      successBody={(count) => t('contest.import.successBody', { count })}
      onClose={onClose}
    />
  );
}

function EntryPreview({ result }: { result: ContestImportDto }) {
  const t = useT();
  return (
    <ImportPreview
      heading={t('contest.import.previewTitle', { count: result.imported, rows: result.totalRows })}
      rows={result.preview}
      total={result.imported}
      columns={[
        { title: t('contest.reg.name'), key: 'name', width: 110 },
        { title: t('contest.reg.years'), key: 'detail' },
      ]}
    />
  );
}
