import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import type { AgreementContent, AgreementDto } from '@uc/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { DateInput } from '@/routes/_app/t/$tenant/agreements/-components/DateInput.tsx';
import { formPathOf, rebase, toContent, toDraft, type DraftValues } from '@/routes/_app/t/$tenant/agreements/-components/draft.ts';
import { RichTextArea } from '@/routes/_app/t/$tenant/agreements/-components/RichTextArea.tsx';
import { useAgreement } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { Comments } from '../Comments.tsx';
import { ClauseFields } from './ClauseFields.tsx';
import { CommonsFields } from './CommonsFields.tsx';
import { ConflictAlert } from './ConflictAlert.tsx';

interface Base {
  id: string;
  number: number;
  content: AgreementContent;
}
const baseOf = (a: AgreementDto): Base => ({ id: a.currentVersion.id, number: a.currentVersion.number, content: a.currentVersion.content });

/**
 * Edits the current version; saving makes a new version on top of the one the editor started
 * from (baseVersionId). If someone saved in between, the API refuses and the user's text stays.
 */
export function AgreementEditor() {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const refresh = useRefreshTenant();
  const a = useAgreement();
  const [form] = Form.useForm<DraftValues>();
  const [base, setBase] = useState(() => baseOf(a));
  const [initial, setInitial] = useState(() => toDraft(a.currentVersion.content));
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [refused, setRefused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // a remounted <Form> keeps the values of its form instance: start it over from the new initial values
  useEffect(() => {
    if (formKey > 0) form.resetFields();
  }, [formKey, form]);

  useBlocker({ shouldBlockFn: () => !window.confirm(t('agreements.editor.leaveConfirm')), enableBeforeUnload: () => dirty, disabled: !dirty });

  const latest = () => queryClient.fetchQuery({ ...api.agreement.get.queryOptions({ id: a.id }), staleTime: 0 });
  const startFrom = (next: Base, values: DraftValues, stillDirty: boolean) => {
    setBase(next);
    setInitial(values);
    setFormKey((k) => k + 1);
    setDirty(stillDirty);
    setRefused(false);
    setProblem(null);
  };

  const save = useMutation(
    api.agreement.save.mutationOptions({
      onSuccess: async ({ number }) => {
        const fresh = await latest();
        startFrom(baseOf(fresh), toDraft(fresh.currentVersion.content), false);
        void message.success(t('agreements.editor.saved', { number }));
        await refresh();
      },
      onError: async (err, input) => {
        const info = errorInfo(err, t('common.networkError'));
        if (info.code === 'STALE_VERSION') {
          setRefused(true);
          await latest();
          return;
        }
        const fields = Object.entries(info.fields).flatMap(([path, msg]) => {
          const at = formPathOf(path, input.content);
          return at ? [{ name: at.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg] }] : [];
        });
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setProblem(fields.length ? t('agreements.editor.fixFields') : info.message);
      },
    }),
  );

  const submit = () => {
    // the whole store, not only the registered fields: each common's kind has no field of its own
    const values = form.getFieldsValue(true) as DraftValues;
    setProblem(null);
    save.mutate({ id: a.id, baseVersionId: base.id, content: toContent(values, base.content), note: values.note?.trim() ?? '' });
  };
  const merge = () => {
    const values = form.getFieldsValue(true) as DraftValues;
    const merged = rebase(base.content, toContent(values, base.content), a.currentVersion.content);
    startFrom(baseOf(a), { ...toDraft(merged), note: values.note ?? '' }, true);
    void message.info(t('agreements.conflict.merged', { number: a.currentVersion.number }));
  };
  const discard = () => startFrom(baseOf(a), toDraft(a.currentVersion.content), false);
  const termOrder = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: (_: unknown, end?: string) => {
      const start = getFieldValue('termStart') as string | undefined;
      return !start || !end || start <= end ? Promise.resolve() : Promise.reject(new Error(t('agreements.editor.termOrder')));
    },
  });

  return (
    <Form
      key={formKey}
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={() => setDirty(true)}
      onFinish={submit}
      scrollToFirstError
      disabled={save.isPending}
    >
      {a.currentVersion.id !== base.id && <ConflictAlert agreement={a} baseVersion={base} refused={refused} onMerge={merge} onDiscard={discard} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('agreements.editor.basics', { number: base.number })}>
          <Form.Item
            name="title"
            label={t('agreements.field.title')}
            rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('common.required', { field: t('agreements.field.title') }) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="termStart" label={t('agreements.field.termStart')} rules={[{ required: true, message: t('common.required', { field: t('agreements.field.termStart') }) }]}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="termEnd"
                label={t('agreements.field.termEnd')}
                dependencies={['termStart']}
                rules={[{ required: true, message: t('common.required', { field: t('agreements.field.termEnd') }) }, termOrder]}
              >
                <DateInput />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={[16, 8]}>
            <Col xs={24} lg={15}>
              <Form.Item name="preamble" label={t('agreements.field.preamble')} style={{ marginBottom: 0 }}>
                <RichTextArea aria-label={t('agreements.field.preamble')} minRows={3} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={9}>
              <div style={{ marginBottom: 8, color: '#595959' }}>{t('agreements.comments.general')}</div>
              <Comments agreement={a} clauseKey={null} />
            </Col>
          </Row>
        </Card>
        <Card title={t('agreements.editor.clauses')}>
          <ClauseFields agreement={a} />
        </Card>
        <Card title={t('agreements.commons.title')}>
          <CommonsFields agreement={a} initial={initial} />
        </Card>
      </Space>
      <div style={{ position: 'sticky', bottom: 0, zIndex: 5, background: '#fff', borderTop: '1px solid #f0f0f0', boxShadow: '0 -4px 12px rgba(0,0,0,0.06)', padding: 12, marginTop: 16 }}>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
        <Flex gap={8} align="center" wrap>
          <Form.Item name="note" style={{ flex: '1 1 220px', margin: 0 }}>
            <Input maxLength={500} placeholder={t('agreements.editor.notePlaceholder')} aria-label={t('agreements.editor.note')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty && !save.isPending}>
            {t('agreements.editor.save')}
          </Button>
        </Flex>
      </div>
    </Form>
  );
}
