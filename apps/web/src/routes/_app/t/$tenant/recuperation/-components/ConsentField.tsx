import { SafetyOutlined } from '@ant-design/icons';
import { Card, Checkbox, Form, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

/**
 * The separate consent PIPL art. 23 asks for before personal data goes to another organisation:
 * what is shared, with whom, for what — and a box the member ticks themself (never pre-ticked).
 */
export function ConsentField({ host }: { host: string }) {
  const t = useT();
  return (
    <Card size="small" title={<><SafetyOutlined /> {t('booking.consent.title')}</>} style={{ background: '#fffbf0', borderColor: '#f5d9a8' }}>
      <Typography.Paragraph style={{ marginBottom: 12 }}>{t('booking.consent.body', { host })}</Typography.Paragraph>
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[
          {
            validator: async (_, v) => {
              if (v !== true) throw new Error(t('booking.consent.required'));
            },
          },
        ]}
        style={{ marginBottom: 8 }}
      >
        <Checkbox data-testid="consent">{t('booking.consent.check', { host })}</Checkbox>
      </Form.Item>
      <Form.Item name="shareMobile" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('booking.consent.shareMobile')}</Checkbox>
      </Form.Item>
    </Card>
  );
}
