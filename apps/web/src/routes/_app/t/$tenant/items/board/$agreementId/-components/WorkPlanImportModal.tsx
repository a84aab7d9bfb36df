import { useTenant } from '@/components/session.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { XlsxImportModal } from '@/features/forms/XlsxImportModal.tsx';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

/** Upload a work plan .xlsx: either every row becomes an item, or each row's problems are listed and nothing is imported. */
export function WorkPlanImportModal({ agreementId, templateUrl, onClose }: { agreementId: string; templateUrl: string; onClose(): void }) {
  const t = useT();
  const { slug } = useTenant();
  const refresh = useItemsRefresh();
  return (
    <XlsxImportModal
      title={t('items.excel.importTitle')}
      intro={t('items.excel.intro')}
      drop={t('items.excel.drop')}
      dropHint={t('items.excel.dropHint')}
      templateLabel={t('items.excel.template')}
      templateUrl={templateUrl}
      send={(fileBase64) => tenantClient(slug).jointItem.importWorkPlan.mutate({ agreementId, fileBase64 })}
      onImported={refresh}
      successBody={(count) => t('items.excel.successBody', { count })}
      onClose={onClose}
    />
  );
}
