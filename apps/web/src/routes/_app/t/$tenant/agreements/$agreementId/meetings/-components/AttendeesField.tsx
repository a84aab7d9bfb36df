import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useT } from '@/lib/locale.ts';

/** Attendees as rows of name, federation (one of the parties) and position. */
export function AttendeesField({ parties }: { parties: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <Form.List name="attendees">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap={false} style={{ paddingTop: 8, borderTop: '1px dashed #f0f0f0' }}>
              <Col flex="1 1 0" style={{ minWidth: 0 }}>
                <Row gutter={8}>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'name']} rules={[{ max: 50 }]}>
                      <Input maxLength={50} placeholder={t('meetings.attendeeName')} aria-label={t('meetings.attendeeName')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'federationSlug']} rules={[{ required: true, message: t('common.required', { field: t('meetings.attendeeFederation') }) }]}>
                      <Select options={parties} placeholder={t('meetings.attendeeFederation')} aria-label={t('meetings.attendeeFederation')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'title']} rules={[{ max: 50 }]}>
                      <Input maxLength={50} placeholder={t('meetings.attendeeTitle')} aria-label={t('meetings.attendeeTitle')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Col>
              <Col flex="none">
                <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('meetings.removeAttendee')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ federationSlug: parties[0]?.value })}>
            {t('meetings.addAttendee')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
