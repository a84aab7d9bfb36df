import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContestAspectDto } from '@uc/contracts';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

// The marking scheme's lines (评分细则) inside a form whose field `aspects` holds AspectValues: the
// same editor when an event is created and when its scheme is corrected before marking begins.

/** a key the marks can name: lower-case, unique within the event */
const newKey = () => `a${Math.random().toString(36).slice(2, 10)}`;

export function SchemeFields() {
  const t = useT();
  const required = { required: true, message: t('contest.form.required') };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('contest.newEvent.schemeHint')}</Typography.Paragraph>
      <Form.List name="aspects" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('contest.newEvent.noAspects')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0} data-testid="contest-aspects">
            {fields.map((f) => (
              <div key={f.key} data-testid="contest-aspect">
                <Row gutter={8} align="top" wrap={false}>
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'label']} rules={[{ ...required, whitespace: true }, { max: 60 }]}>
                      <Input maxLength={60} aria-label={t('contest.newEvent.aspectLabel')} placeholder={t('contest.newEvent.aspectLabel')} />
                    </Form.Item>
                  </Col>
                  <Col flex="92px">
                    <Form.Item name={[f.name, 'part']}>
                      <Select aria-label={t('contest.newEvent.part')} options={(['theory', 'practical'] as const).map((p) => ({ value: p, label: t(p === 'theory' ? 'contest.results.theory' : 'contest.results.practical') }))} />
                    </Form.Item>
                  </Col>
                  <Col flex="92px">
                    <Form.Item name={[f.name, 'type']}>
                      <Select aria-label={t('contest.newEvent.type')} options={(['measurement', 'judgement'] as const).map((p) => ({ value: p, label: t(`contest.aspectType.${p}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col flex="88px">
                    <Form.Item name={[f.name, 'max']} rules={[required]}>
                      <InputNumber min={1} max={1000} precision={0} aria-label={t('contest.newEvent.max')} placeholder={t('contest.newEvent.max')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('contest.newEvent.removeAspect')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
                <AspectRule name={f.name} />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: newKey(), label: '', part: 'practical', type: 'judgement', max: 20 })} disabled={fields.length >= 20}>
              {t('contest.newEvent.addAspect')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** The rule under an aspect: a tolerance for a practical measurement, written levels for a practical judgement (both optional). */
function AspectRule({ name }: { name: number }) {
  const t = useT();
  const form = Form.useFormInstance();
  const part = Form.useWatch(['aspects', name, 'part'], form) as ContestAspectDto['part'] | undefined;
  const type = Form.useWatch(['aspects', name, 'type'], form) as ContestAspectDto['type'] | undefined;
  if (part !== 'practical') return null;
  if (type === 'measurement') {
    const figure = (field: string, label: string, min?: number) => (
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'tolerance', field]} style={{ marginBottom: 8 }}>
          <InputNumber min={min} step={0.01} aria-label={label} placeholder={label} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
    return (
      <Row gutter={8} style={{ marginTop: -8 }}>
        {figure('target', t('contest.newEvent.target'))}
        {figure('within', t('contest.newEvent.within'), 0)}
        {figure('zeroBeyond', t('contest.newEvent.zeroBeyond'), 0)}
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'tolerance', 'unit']} style={{ marginBottom: 8 }}>
            <Input maxLength={12} aria-label={t('contest.newEvent.unit')} placeholder={t('contest.newEvent.unit')} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  return (
    <Form.Item name={[name, 'levelsText']} style={{ marginTop: -8, marginBottom: 8 }}>
      <Input.TextArea rows={2} aria-label={t('contest.newEvent.levels')} placeholder={t('contest.newEvent.levels')} />
    </Form.Item>
  );
}
