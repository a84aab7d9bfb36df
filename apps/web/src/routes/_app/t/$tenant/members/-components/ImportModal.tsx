import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { MemberImportDto } from '@uc/contracts';
import { Alert, Button, Flex, Grid, Modal, Progress, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '../../../../../../components/session.ts';
import { memberTemplateUrl } from '../../../../../../lib/downloads.ts';
import { errorInfo } from '../../../../../../lib/errors.ts';
import { useT } from '../../../../../../lib/locale.ts';
import { importProblem } from './importProblem.ts';
import { ImportResult } from '../../../../../../components/ImportResult.tsx';
import { readAsBase64 } from '../../../../../../lib/readFile.ts';

const MAX_BYTES = 10 * 1024 * 1024;

type Stage =
  | { step: 'choose'; problem?: string }
  | { step: 'read'; file: string; percent: number }
  | { step: 'upload'; file: string }
  | { step: 'result'; result: MemberImportDto };

const STEP_INDEX = { choose: 0, read: 1, upload: 2, result: 3 } as const;

/** Upload an .xlsx of members: read it, send it, then either the count imported or every row's problems. */
export function ImportModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const { md } = Grid.useBreakpoint();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const upload = useMutation(api.member.import.mutationOptions());

  const start = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) return setStage({ step: 'choose', problem: t('import.notXlsx') });
    if (file.size > MAX_BYTES) return setStage({ step: 'choose', problem: t('import.tooLarge') });
    setStage({ step: 'read', file: file.name, percent: 0 });
    let fileBase64: string;
    try {
      fileBase64 = await readAsBase64(file, (percent) => setStage({ step: 'read', file: file.name, percent }));
    } catch {
      return setStage({ step: 'choose', problem: t('import.readFailed') });
    }
    setStage({ step: 'upload', file: file.name });
    try {
      const result = await upload.mutateAsync({ fileBase64 });
      setStage({ step: 'result', result });
      if (result.ok) await refresh();
    } catch (err) {
      setStage({ step: 'choose', problem: importProblem(t, errorInfo(err, t('common.networkError'))) });
    }
  };

  const busy = stage.step === 'read' || stage.step === 'upload';
  const failed = stage.step === 'result' && !stage.result.ok;

  return (
    <Modal
      open
      title={t('import.title')}
      width={md === false ? '100%' : 760}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      mask={{ closable: !busy }}
      footer={null}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEP_INDEX[stage.step]}
        status={failed ? 'error' : stage.step === 'result' ? 'finish' : 'process'}
        items={[
          { title: t('import.step.choose') },
          { title: t('import.step.read') },
          { title: t('import.step.upload') },
          { title: t('import.step.result') },
        ]}
        style={{ margin: '8px 0 24px' }}
        responsive={false}
        {...(md === false ? { type: 'dot' as const, titlePlacement: 'vertical' as const } : {})}
      />
      {stage.step === 'choose' && (
        <>
          <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
          {stage.problem && <Alert type="error" showIcon title={stage.problem} style={{ marginBottom: 16 }} />}
          <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false} maxCount={1} beforeUpload={(file) => (void start(file), false)}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          <Flex justify="flex-start" style={{ marginTop: 16 }}>
            <Button icon={<DownloadOutlined />} href={memberTemplateUrl(slug)}>
              {t('import.template')}
            </Button>
          </Flex>
        </>
      )}
      {stage.step === 'read' && (
        <Flex vertical align="center" gap={12} style={{ padding: '32px 0' }}>
          <Progress type="circle" percent={stage.percent} size={96} />
          <Typography.Text>{t('import.reading', { file: stage.file })}</Typography.Text>
        </Flex>
      )}
      {stage.step === 'upload' && (
        <Flex vertical align="center" gap={16} style={{ padding: '40px 0' }}>
          <Spin size="large" />
          <Typography.Text>{t('import.uploading')}</Typography.Text>
          <Typography.Text type="secondary">{stage.file}</Typography.Text>
        </Flex>
      )}
      {stage.step === 'result' && <ImportResult result={stage.result} successBody={t('import.successBody', { count: stage.result.imported })} onAgain={() => setStage({ step: 'choose' })} onDone={onClose} />}
    </Modal>
  );
}
