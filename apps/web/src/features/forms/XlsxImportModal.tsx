import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Modal, Progress, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ImportResult, type ImportOutcome } from '@/components/ImportResult.tsx';
import { errorInfo, type ErrorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { readAsBase64 } from '@/lib/readFile.ts';

const MAX_BYTES = 10 * 1024 * 1024;

type Stage<R> =
  | { step: 'choose'; problem?: string }
  | { step: 'read'; file: string; percent: number }
  | { step: 'upload'; file: string }
  | { step: 'preview'; file: string; fileBase64: string; result: R }
  | { step: 'result'; result: R };

export interface XlsxImportModalProps<R extends ImportOutcome> {
  title: string;
  intro: string;
  drop: string;
  dropHint: string;
  templateLabel: string;
  templateUrl: string;
  /** sends the file; resolves with every row imported, or every row's problems (nothing imported) */
  send(fileBase64: string, fileName: string): Promise<R>;
  /** checks the file without importing (a dry run); when given, what would be imported is shown and confirmed first */
  dryRun?(fileBase64: string): Promise<R>;
  /** the preview of a dry run that found no errors */
  renderPreview?(result: R): React.ReactNode;
  /** refreshes what shows the imported rows */
  onImported(): Promise<unknown>;
  successBody(count: number): string;
  /** the preview's confirm button (default: 确认导入 {count} 名会员) */
  confirmLabel?(count: number): string;
  /** why the file as a whole was refused, in words an office can act on */
  problemOf?(info: ErrorInfo): string;
  /** show the reading progress as its own step (large rosters take a while to read) */
  showReadStep?: boolean;
  onClose(): void;
}

/**
 * The one way an .xlsx is imported: choose → (read) → upload → result. Files that are not .xlsx or
 * too large are refused before anything is sent; the modal cannot be closed while a file is on its way.
 */
export function XlsxImportModal<R extends ImportOutcome>(props: XlsxImportModalProps<R>) {
  const t = useT();
  const { md } = Grid.useBreakpoint();
  const [stage, setStage] = useState<Stage<R>>({ step: 'choose' });
  const steps = [
    'choose',
    ...(props.showReadStep ? (['read'] as const) : []),
    'upload',
    ...(props.dryRun ? (['preview'] as const) : []),
    'result',
  ] as const;

  const start = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) return setStage({ step: 'choose', problem: t('import.notXlsx') });
    if (file.size > MAX_BYTES) return setStage({ step: 'choose', problem: t('import.tooLarge') });
    const onProgress = props.showReadStep ? (percent: number) => setStage({ step: 'read', file: file.name, percent }) : undefined;
    setStage(props.showReadStep ? { step: 'read', file: file.name, percent: 0 } : { step: 'upload', file: file.name });
    let fileBase64: string;
    try {
      fileBase64 = await readAsBase64(file, onProgress);
    } catch {
      return setStage({ step: 'choose', problem: t('import.readFailed') });
    }
    setStage({ step: 'upload', file: file.name });
    if (props.dryRun) {
      try {
        const result = await props.dryRun(fileBase64);
        return setStage(result.ok ? { step: 'preview', file: file.name, fileBase64, result } : { step: 'result', result });
      } catch (err) {
        const info = errorInfo(err, t('common.networkError'));
        return setStage({ step: 'choose', problem: props.problemOf ? props.problemOf(info) : info.message });
      }
    }
    await commit(file.name, fileBase64);
  };

  const commit = async (file: string, fileBase64: string) => {
    setStage({ step: 'upload', file });
    try {
      const result = await props.send(fileBase64, file);
      setStage({ step: 'result', result });
      if (result.ok) await props.onImported();
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      setStage({ step: 'choose', problem: props.problemOf ? props.problemOf(info) : info.message });
    }
  };

  const busy = stage.step === 'read' || stage.step === 'upload';
  const failed = stage.step === 'result' && !stage.result.ok;

  return (
    <Modal open title={props.title} width={md === false ? '100%' : 760} onCancel={busy ? undefined : props.onClose} closable={!busy} mask={{ closable: !busy }} footer={null} destroyOnHidden>
      <Steps
        size="small"
        current={(steps as readonly string[]).indexOf(stage.step)}
        status={failed ? 'error' : stage.step === 'result' ? 'finish' : 'process'}
        items={steps.map((step) => ({ title: t(`import.step.${step}`) }))}
        style={{ margin: '8px 0 24px' }}
        responsive={false}
        {...(md === false ? { type: 'dot' as const, titlePlacement: 'vertical' as const } : {})}
      />
      {stage.step === 'choose' && (
        <>
          <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
          {stage.problem && <Alert type="error" showIcon title={stage.problem} style={{ marginBottom: 16 }} />}
          <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false} maxCount={1} beforeUpload={(file) => (void start(file), false)}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{props.drop}</p>
            <p className="ant-upload-hint">{props.dropHint}</p>
          </Upload.Dragger>
          <Flex justify="flex-start" style={{ marginTop: 16 }}>
            <Button icon={<DownloadOutlined />} href={props.templateUrl}>
              {props.templateLabel}
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
      {stage.step === 'preview' && (
        <Flex vertical gap={16}>
          {props.renderPreview?.(stage.result)}
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => setStage({ step: 'choose' })}>{t('import.again')}</Button>
            <Button type="primary" disabled={stage.result.imported === 0} onClick={() => void commit(stage.file, stage.fileBase64)}>
              {props.confirmLabel ? props.confirmLabel(stage.result.imported) : t('import.confirm', { count: stage.result.imported })}
            </Button>
          </Flex>
        </Flex>
      )}
      {stage.step === 'result' && <ImportResult result={stage.result} successBody={props.successBody(stage.result.imported)} onAgain={() => setStage({ step: 'choose' })} onDone={props.onClose} />}
    </Modal>
  );
}
