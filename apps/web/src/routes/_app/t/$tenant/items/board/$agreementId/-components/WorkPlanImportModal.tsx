import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { WorkPlanImportDto } from '@uc/contracts';
import { Alert, Button, Flex, Grid, Modal, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTenant } from '../../../../../../../../components/session.ts';
import { readAsBase64 } from '../../../../../../../../lib/readFile.ts';
import { useItemsRefresh } from '../../../../../../../../features/items/useItemsRefresh.ts';
import { errorInfo } from '../../../../../../../../lib/errors.ts';
import { useT } from '../../../../../../../../lib/locale.ts';
import { tenantClient } from '../../../../../../../../lib/trpc.ts';
import { ImportResult } from '../../../../../../../../components/ImportResult.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

type Stage = { step: 'choose'; problem?: string } | { step: 'upload'; file: string } | { step: 'result'; result: WorkPlanImportDto };
const STEP_INDEX = { choose: 0, upload: 1, result: 2 } as const;

/** Upload a work plan .xlsx: either every row becomes an item, or each row's problems are listed and nothing is imported. */
export function WorkPlanImportModal({ agreementId, templateUrl, onClose }: { agreementId: string; templateUrl: string; onClose(): void }) {
  const t = useT();
  const { slug } = useTenant();
  const refresh = useItemsRefresh();
  const { md } = Grid.useBreakpoint();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });

  const start = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) return setStage({ step: 'choose', problem: t('import.notXlsx') });
    if (file.size > MAX_BYTES) return setStage({ step: 'choose', problem: t('import.tooLarge') });
    setStage({ step: 'upload', file: file.name });
    try {
      const fileBase64 = await readAsBase64(file);
      const result = await tenantClient(slug).jointItem.importWorkPlan.mutate({ agreementId, fileBase64 });
      setStage({ step: 'result', result });
      if (result.ok) await refresh();
    } catch (err) {
      setStage({ step: 'choose', problem: errorInfo(err, t('common.networkError')).message });
    }
  };
  const busy = stage.step === 'upload';

  return (
    <Modal open title={t('items.excel.importTitle')} width={md === false ? '100%' : 760} onCancel={busy ? undefined : onClose} closable={!busy} mask={{ closable: !busy }} footer={null} destroyOnHidden>
      <Steps
        size="small"
        current={STEP_INDEX[stage.step]}
        status={stage.step === 'result' && !stage.result.ok ? 'error' : stage.step === 'result' ? 'finish' : 'process'}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.upload') }, { title: t('import.step.result') }]}
        style={{ margin: '8px 0 24px' }}
        responsive={false}
        {...(md === false ? { type: 'dot' as const, titlePlacement: 'vertical' as const } : {})}
      />
      {stage.step === 'choose' && (
        <>
          <Typography.Paragraph type="secondary">{t('items.excel.intro')}</Typography.Paragraph>
          {stage.problem && <Alert type="error" showIcon title={stage.problem} style={{ marginBottom: 16 }} />}
          <Upload.Dragger accept=".xlsx" showUploadList={false} maxCount={1} beforeUpload={(file) => (void start(file), false)}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('items.excel.drop')}</p>
            <p className="ant-upload-hint">{t('items.excel.dropHint')}</p>
          </Upload.Dragger>
          <Button icon={<DownloadOutlined />} href={templateUrl} style={{ marginTop: 16 }}>
            {t('items.excel.template')}
          </Button>
        </>
      )}
      {stage.step === 'upload' && (
        <Flex vertical align="center" gap={16} style={{ padding: '40px 0' }}>
          <Spin size="large" />
          <Typography.Text>{t('import.uploading')}</Typography.Text>
          <Typography.Text type="secondary">{stage.file}</Typography.Text>
        </Flex>
      )}
      {stage.step === 'result' && <ImportResult result={stage.result} successBody={t('items.excel.successBody', { count: stage.result.imported })} onAgain={() => setStage({ step: 'choose' })} onDone={onClose} />}
    </Modal>
  );
}
