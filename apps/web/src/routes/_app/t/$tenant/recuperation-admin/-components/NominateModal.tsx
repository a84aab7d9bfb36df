import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { nominationResultDto } from '@uc/contracts';
import { Alert, Button, Checkbox, Flex, Form, Grid, Modal, Select, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { useTenant } from '@/components/session.ts';
import { readAsBase64 } from '@/lib/readFile.ts';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

type Result = z.infer<typeof nominationResultDto>;
const OUTCOME_COLOR = { booked: 'green', waitlisted: 'gold', already_booked: 'default', refused: 'red', not_found: 'red' } as const;
const MAX_BYTES = 3 * 1024 * 1024;

/** 组织推荐: an .xlsx of members (身份证号, 姓名) booked onto one batch, each checked like a member's own booking. */
export function NominateModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { md } = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const catalog = useQuery(api.recuperation.catalog.list.queryOptions({ openOnly: true }));
  const [batchId, setBatchId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [attested, setAttested] = useState(false);
  const [shareMobile, setShareMobile] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const nominate = useMutation(api.recuperation.booking.nominateXlsx.mutationOptions());

  const submit = async () => {
    if (!batchId || !file || !attested) return;
    setProblem(null);
    try {
      const fileBase64 = await readAsBase64(file);
      setResult(await nominate.mutateAsync({ batchId, fileBase64, consentAttested: true, shareMobile }));
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
    } catch (err) {
      setProblem(errorInfo(err, t('common.networkError')).message);
    }
  };

  return (
    <Modal open title={t('recuperation.nominate.title')} width={md === false ? '100%' : 760} onCancel={onClose} footer={null} destroyOnHidden>
      {result ? (
        <>
          <Flex gap={24} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('recuperation.nominate.booked')} value={result.booked} />
            <Statistic title={t('recuperation.nominate.waitlisted')} value={result.waitlisted} />
            <Statistic title={t('recuperation.nominate.refused')} value={result.refused} />
          </Flex>
          <Table
            rowKey="row"
            size="small"
            dataSource={result.rows}
            pagination={result.rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('recuperation.nominate.row'), dataIndex: 'row', width: 64 },
              { title: t('recuperation.col.member'), dataIndex: 'name', render: (v: string) => v || '—' },
              { title: t('recuperation.col.status'), dataIndex: 'outcome', render: (o: Result['rows'][number]['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{t(`recuperation.nominate.outcome.${o}`)}</Tag> },
              { title: t('booking.detail.reason'), key: 'reasons', render: (_, r) => r.reasons.map((x) => <div key={x.code}>{x.message}</div>) },
            ]}
          />
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Flex>
        </>
      ) : (
        <Form layout="vertical" onFinish={() => void submit()}>
          <Form.Item label={t('recuperation.nominate.batch')} required>
            <Select
              value={batchId}
              onChange={setBatchId}
              loading={catalog.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('recuperation.nominate.batchPlaceholder')}
              options={(catalog.data ?? []).map((b) => ({
                value: b.id,
                label: `${b.route.title} · ${formatTripDates(b.startDate, b.nights, locale)} · ${localName(locale, { nameZh: b.hostNameZh, nameEn: b.hostNameEn })}`,
              }))}
              aria-label={t('recuperation.nominate.batch')}
            />
          </Form.Item>
          <Form.Item label={t('recuperation.nominate.file')} required extra={t('recuperation.nominate.fileHint')}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                if (!/\.xlsx$/i.test(f.name) || f.size > MAX_BYTES) setProblem(t('recuperation.nominate.badFile'));
                else {
                  setProblem(null);
                  setFile(f);
                }
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('recuperation.nominate.drop')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Checkbox checked={attested} onChange={(e) => setAttested(e.target.checked)}>
              {t('recuperation.nominate.attest')}
            </Checkbox>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={shareMobile} onChange={(e) => setShareMobile(e.target.checked)}>
              {t('recuperation.nominate.shareMobile')}
            </Checkbox>
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
          <Typography.Paragraph type="secondary">{t('recuperation.nominate.note')}</Typography.Paragraph>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('recuperation.form.cancel')}</Button>
            <Button type="primary" htmlType="submit" disabled={!batchId || !file || !attested} loading={nominate.isPending}>
              {t('recuperation.nominate.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </Modal>
  );
}
