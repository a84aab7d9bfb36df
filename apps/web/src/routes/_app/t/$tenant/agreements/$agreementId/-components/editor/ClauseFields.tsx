import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgreementDto } from '@uc/contracts';
import { Button, Col, Flex, Form, Input, Popconfirm, Row, Tooltip, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';
import { newClauseKey, type DraftValues } from '@/routes/_app/t/$tenant/agreements/-components/draft.ts';
import { RichTextArea } from '@/routes/_app/t/$tenant/agreements/-components/RichTextArea.tsx';
import { Comments } from '../Comments.tsx';

/** The clauses in order, each with its heading, its text, and the parties' comments on it beside. */
export function ClauseFields({ agreement: a }: { agreement: AgreementDto }) {
  const t = useT();
  const form = Form.useFormInstance<DraftValues>();
  const clauses = Form.useWatch('clauses', form) ?? [];
  const saved = new Set(a.currentVersion.content.clauses.map((c) => c.key));

  return (
    <Form.List name="clauses">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => {
            const clause = clauses[index];
            const label = t('agreements.editor.bodyOf', { heading: clause?.heading || t('agreements.editor.clauseNumber', { n: index + 1 }) });
            return (
              <Row key={field.key} gutter={[16, 8]} style={{ marginBottom: 20, paddingBottom: 12, borderBottom: '1px solid #f0f0f0' }} data-testid={`clause-editor-${clause?.key ?? index}`}>
                <Col xs={24} lg={15}>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Flex gap={8} align="flex-start">
                    <Form.Item
                      name={[field.name, 'heading']}
                      rules={[{ required: true, whitespace: true, max: 120, message: t('agreements.editor.headingRequired') }]}
                      style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                    >
                      <Input maxLength={120} style={{ fontWeight: 600 }} aria-label={t('agreements.editor.headingOf', { n: index + 1 })} />
                    </Form.Item>
                    <Tooltip title={t('agreements.editor.moveUp')}>
                      <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('agreements.editor.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('agreements.editor.moveDown')}>
                      <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('agreements.editor.moveDown')} />
                    </Tooltip>
                    <Popconfirm title={t('agreements.editor.removeClause')} onConfirm={() => remove(field.name)} okText={t('common.delete')} cancelText={t('agreements.cancel')}>
                      <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Flex>
                  <Form.Item name={[field.name, 'body']} style={{ marginBottom: 0 }}>
                    <RichTextArea aria-label={label} minRows={3} />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={9}>
                  {clause && saved.has(clause.key) ? (
                    <Comments agreement={a} clauseKey={clause.key} />
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('agreements.comments.afterSave')}
                    </Typography.Text>
                  )}
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() =>
              add({ key: newClauseKey(clauses.map((c) => c?.key).filter(Boolean)), heading: t('agreements.editor.clauseNumber', { n: fields.length + 1 }), body: '' })
            }
          >
            {t('agreements.editor.addClause')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
