import { useMutation } from '@tanstack/react-query';
import { useRefreshTenant, useTenant } from '../../../../../../components/session.ts';
import { XlsxImportModal } from '../../../../../../features/forms/XlsxImportModal.tsx';
import { memberTemplateUrl } from '../../../../../../lib/downloads.ts';
import { useT } from '../../../../../../lib/locale.ts';
import { importProblem } from './importProblem.ts';

/** Upload an .xlsx of members: read it, send it, then either the count imported or every row's problems. */
export function ImportModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const upload = useMutation(api.member.import.mutationOptions());
  return (
    <XlsxImportModal
      title={t('import.title')}
      intro={t('import.intro')}
      drop={t('import.drop')}
      dropHint={t('import.dropHint')}
      templateLabel={t('import.template')}
      templateUrl={memberTemplateUrl(slug)}
      send={(fileBase64) => upload.mutateAsync({ fileBase64 })}
      onImported={refresh}
      successBody={(count) => t('import.successBody', { count })}
      problemOf={(info) => importProblem(t, info)}
      showReadStep
      onClose={onClose}
    />
  );
}
