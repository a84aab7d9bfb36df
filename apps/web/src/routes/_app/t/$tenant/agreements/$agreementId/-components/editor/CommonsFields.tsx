import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { JOINT_KINDS, type AgreementDto, type JointKind } from '@uc/contracts';
import { Button, Col, Collapse, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useLocale, useT } from '@/lib/locale.ts';
import { localName } from '@/lib/i18n.ts';
import { DateInput } from '@/routes/_app/t/$tenant/agreements/-components/DateInput.tsx';
import { BY_PARTY_LABEL, FIGURE_OF, type DraftValues } from '@/routes/_app/t/$tenant/agreements/-components/draft.ts';

/** The five commons: which the agreement covers, the figure each sets, and the joint items planned under it. */
export function CommonsFields({ agreement: a, initial }: { agreement: AgreementDto; initial: DraftValues }) {
  const t = useT();
  return (
    <Form.List name="commons">
      {(fields) => (
        <Collapse
          defaultActiveKey={initial.commons.filter((c) => c.enabled).map((c) => c.kind)}
          items={fields.map((field) => {
            const kind = JOINT_KINDS[field.name]!;
            return {
              key: kind,
              label: t(`agreements.kind.${kind}`),
              forceRender: true,
              extra: (
                <span onClick={(e) => e.stopPropagation()}>
                  <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle>
                    <Switch size="small" aria-label={t('agreements.commons.enabledOf', { kind: t(`agreements.kind.${kind}`) })} />
                  </Form.Item>
                </span>
              ),
              children: <SectionFields name={field.name} kind={kind} agreement={a} />,
            };
          })}
        />
      )}
    </Form.List>
  );
}

function SectionFields({ name, kind, agreement: a }: { name: number; kind: JointKind; agreement: AgreementDto }) {
  const t = useT();
  const locale = useLocale();
  const figure = FIGURE_OF[kind];
  const leads = a.parties.map((p) => ({ value: p.slug, label: localName(locale, p) }));
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={figure ? 16 : 24}>
          <Form.Item name={[name, 'summary']} label={t('agreements.commons.summary')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
        </Col>
        {figure && (
          <Col xs={24} md={8}>
            <Form.Item name={[name, figure]} label={t(`agreements.figure.${figure}`)}>
              <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {figure && (
        // each direction its own figure, where the parties agree different numbers; empty: the figure above
        <Row gutter={12}>
          {a.parties.map((p) => (
            <Col key={p.slug} xs={24} md={8}>
              <Form.Item
                name={[name, 'byParty', p.slug]}
                label={t(BY_PARTY_LABEL[figure], { party: localName(locale, p) })}
                tooltip={t(`${BY_PARTY_LABEL[figure]}.hint`)}
              >
                <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} placeholder={t('agreements.figure.byParty.same')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
      <Form.List name={[name, 'items']}>
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <div key={item.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 10px 0', marginBottom: 8 }}>
                <Row gutter={12}>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name={[item.name, 'title']}
                      label={t('agreements.item.title')}
                      rules={[{ required: true, whitespace: true, max: 120, message: t('common.required', { field: t('agreements.item.title') }) }]}
                    >
                      <Input maxLength={120} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[item.name, 'leadSlug']} label={t('agreements.item.lead')} rules={[{ required: true, message: t('common.required', { field: t('agreements.item.lead') }) }]}>
                      <Select options={leads} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={[item.name, 'startDate']} label={t('agreements.item.start')}>
                      <DateInput />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={[item.name, 'endDate']} label={t('agreements.item.end')}>
                      <DateInput />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[item.name, 'description']} label={t('agreements.item.description')}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                    </Form.Item>
                  </Col>
                </Row>
                <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(item.name)} style={{ paddingInline: 0, marginBottom: 8 }}>
                  {t('agreements.item.remove')}
                </Button>
              </div>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ title: '', description: '', leadSlug: a.parties[0]?.slug })}>
              {t('agreements.item.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
