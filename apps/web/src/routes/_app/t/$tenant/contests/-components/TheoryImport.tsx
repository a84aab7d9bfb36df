import { useMutation, useQuery } from '@tanstack/react-query';
import type { ContestEventDto, ContestImportDto } from '@uc/contracts';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { ImportPreview } from '@/features/forms/ImportPreview.tsx';
import { XlsxImportModal } from '@/features/forms/XlsxImportModal.tsx';
import { contestFileUrl } from '@/lib/downloads.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';

/** Where the event's theory marks stand: the latest import of the exam system's sheet, or none yet. */
export function TheoryStatus({ event: e }: { event: ContestEventDto }) {
  const t = useT();
  const { api } = useTenant();
  const hasTheory = e.aspects.some((a) => a.part === 'theory');
  const drawn = e.stage !== 'registration' && e.stage !== 'closed';
  const imports = useQuery({ ...api.contest.theory.imports.queryOptions({ eventId: e.id }), enabled: hasTheory && drawn });
  if (!hasTheory || !drawn || !imports.data) return null;
  const [latest] = imports.data;
  return (
    <Typography.Text type={latest ? 'secondary' : 'warning'} data-testid="theory-status">
      {latest ? t('contest.theory.imported', { rows: latest.rows, file: latest.fileName, at: formatDateTime(latest.at), by: latest.by }) : t('contest.theory.none')}
    </Typography.Text>
  );
}

/** The organiser's button: import the exam system's theory sheet (dry run first, all or nothing). */
export function TheoryImportButton({ event: e }: { event: ContestEventDto }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const [open, setOpen] = useState(false);
  const upload = useMutation(api.contest.theory.import.mutationOptions());
  const preview = useMutation(api.contest.theory.import.mutationOptions());
  if (!e.aspects.some((a) => a.part === 'theory')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('contest.theory.button')}</Button>
      {open && (
        <XlsxImportModal
          title={t('contest.theory.title', { trade: e.trade })}
          intro={t('contest.theory.intro')}
          drop={t('import.drop')}
          dropHint={t('import.dropHint')}
          templateLabel={t('contest.theory.template')}
          templateUrl={contestFileUrl(slug, e.id, 'theory-template')}
          dryRun={(fileBase64) => preview.mutateAsync({ eventId: e.id, fileBase64, dryRun: true })}
          renderPreview={(r) => <TheoryPreview result={r} />}
          send={(fileBase64, fileName) => upload.mutateAsync({ eventId: e.id, fileBase64, fileName: fileName.slice(0, 200) })}
          onImported={refresh}
          successBody={(count) => t('contest.theory.successBody', { count })}
          confirmLabel={(count) => t('contest.theory.confirm', { count })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function TheoryPreview({ result }: { result: ContestImportDto }) {
  const t = useT();
  return (
    <ImportPreview
      heading={t('contest.theory.previewTitle', { count: result.imported })}
      rows={result.preview}
      total={result.imported}
      columns={[
        { title: t('contest.theory.number'), key: 'name', width: 110 },
        { title: t('contest.theory.mark'), key: 'detail' },
      ]}
    />
  );
}
