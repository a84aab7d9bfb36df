import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { WorkPlanImportModal } from './WorkPlanImportModal.tsx';

/** A plain GET (the session cookie authorises it), so the browser downloads and shows its own progress. */
export const workPlanUrl = (tenant: string, agreementId: string) => `/api/t/${encodeURIComponent(tenant)}/agreements/${agreementId}/work-plan.xlsx`;

/** The work plan out to Excel (as offices keep it) and, for a lead, back in from one. */
export function ExcelButtons({ agreementId, canImport }: { agreementId: string; canImport: boolean }) {
  const t = useT();
  const { slug } = useTenant();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Button icon={<DownloadOutlined />} href={workPlanUrl(slug, agreementId)} data-testid="work-plan-export">
        {t('items.excel.export')}
      </Button>
      {canImport && (
        <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
          {t('items.excel.import')}
        </Button>
      )}
      {importing && <WorkPlanImportModal agreementId={agreementId} templateUrl={workPlanUrl(slug, agreementId)} onClose={() => setImporting(false)} />}
    </>
  );
}
