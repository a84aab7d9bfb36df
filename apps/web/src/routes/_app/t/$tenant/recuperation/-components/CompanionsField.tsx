import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPANION_RELATIONS, MAX_COMPANIONS } from '@uc/contracts';
import { Button, Card, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { companionProblems, type CompanionRow } from '@/features/recuperation/companions.ts';
import { useT } from '@/lib/locale.ts';

/** Immediate family travelling along: one small card each, stacked for a phone. */
export function CompanionsField({ form }: { form: FormInstance }) {
  const t = useT();
  const idRule = (index: number) => ({
    validator: async () => {
      const rows = (form.getFieldValue('companions') ?? []) as CompanionRow[];
      const problem = companionProblems(rows).get(index);
      if (problem) throw new Error(t(`booking.companions.${problem}`));
    },
  });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '16px 0 4px' }}>
        {t('booking.companions.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('booking.companions.hint')}
      </Typography.Paragraph>
      <Form.List name="companions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('booking.companions.nth', { n: index + 1 })}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('booking.companions.remove')}
                  </Button>
                }
                style={{ marginBottom: 8 }}
                data-testid="companion"
              >
                <Form.Item name={[field.name, 'name']} label={t('booking.companions.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
                <Form.Item name={[field.name, 'relation']} label={t('booking.companions.relation')} rules={[{ required: true }]}>
                  {/* one tap on a phone, and no dropdown code to download */}
                  <Radio.Group optionType="button" options={COMPANION_RELATIONS.map((r) => ({ value: r, label: t(`booking.relation.${r}`) }))} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'idNumber']}
                  label={t('booking.companions.idNumber')}
                  rules={[{ required: true, whitespace: true }, idRule(index)]}
                  style={{ marginBottom: 0 }}
                >
                  <Input autoComplete="off" maxLength={20} inputMode="text" style={{ fontVariantNumeric: 'tabular-nums' }} />
                </Form.Item>
              </Card>
            ))}
            {fields.length < MAX_COMPANIONS ? (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ relation: 'spouse' })}>
                {t('booking.companions.add')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('booking.companions.max', { n: MAX_COMPANIONS })}</Typography.Text>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
