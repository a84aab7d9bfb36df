import { useMutation } from '@tanstack/react-query';
import type { MemberImportDto } from '@uc/contracts';
import { Alert } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { ImportPreview } from '@/features/forms/ImportPreview.tsx';
import { XlsxImportModal } from '@/features/forms/XlsxImportModal.tsx';
import { memberTemplateUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';
import { importProblem } from './importProblem.ts';

/** Upload an .xlsx of members: read it, send it, then either the count imported or every row's problems. */
export function ImportModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const upload = useMutation(api.member.import.mutationOptions());
  const preview = useMutation(api.member.import.mutationOptions());
  return (
    <XlsxImportModal
      title={t('import.title')}
      intro={t('import.intro')}
      drop={t('import.drop')}
      dropHint={t('import.dropHint')}
      templateLabel={t('import.template')}
      templateUrl={memberTemplateUrl(slug)}
      dryRun={(fileBase64) => preview.mutateAsync({ fileBase64, dryRun: true })}
      renderPreview={(r) => <MemberPreview result={r} />}
      send={(fileBase64) => upload.mutateAsync({ fileBase64 })}
      onImported={refresh}
      successBody={(count) => t('import.successBody', { count })}
      problemOf={(info) => importProblem(t, info)}
      showReadStep
      onClose={onClose}
    />
  );
}

/** What a dry run found: the rows left out (the template's example row), then the first rows that would be imported. */
function MemberPreview({ result }: { result: MemberImportDto }) {
  const t = useT();
  return (
    <>
      {result.skipped.map((s) => (
        <Alert key={s.row} type="warning" showIcon title={t('import.skippedRow', { row: s.row, message: s.message })} />
      ))}
      <ImportPreview
        heading={t('import.previewTitle', { count: result.imported, rows: result.totalRows })}
        rows={result.preview}
        total={result.imported}
        columns={[
          { title: t('members.name'), key: 'name', width: 96 },
          { title: t('import.previewUnit'), key: 'orgUnitPath', render: (p: string) => <span style={{ wordBreak: 'break-all' }}>{p}</span> },
        ]}
      />
    </>
  );
}
