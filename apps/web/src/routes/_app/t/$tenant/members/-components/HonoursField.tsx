import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { HONOUR_KINDS } from '@uc/contracts';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useT } from '@/lib/locale.ts';

/** The member's honours as rows of kind, source and validity; the API's field errors land on them by index. */
export function HonoursField() {
  const t = useT();
  return (
    <Form.List name="honours">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" style={{ paddingTop: 8, borderTop: '1px dashed #f0f0f0' }}>
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'kind']} label={t('members.honourKind')} rules={[{ required: true, message: t('common.required', { field: t('members.honourKind') }) }]}>
                  <Select options={HONOUR_KINDS.map((k) => ({ value: k, label: t(`honour.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'source']} label={t('members.honourSource')} rules={[{ required: true, whitespace: true, max: 100, message: t('common.required', { field: t('members.honourSource') }) }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={11} md={5}>
                <Form.Item name={[field.name, 'validFrom']} label={t('members.honourValidFrom')} rules={[{ required: true, message: t('common.required', { field: t('members.honourValidFrom') }) }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={11} md={5}>
                <Form.Item name={[field.name, 'validUntil']} label={t('members.honourValidUntil')}>
                  <DatePicker style={{ width: '100%' }} placeholder={t('members.honourLongTerm')} />
                </Form.Item>
              </Col>
              <Col xs={2} md={2} style={{ paddingTop: 30 }}>
                <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('members.removeHonour')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
            {t('members.addHonour')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
