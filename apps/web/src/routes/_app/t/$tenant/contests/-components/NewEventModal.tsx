import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_CONTEST_ASPECTS, type ContestAspectDto, type ContestDetailDto } from '@uc/contracts';
import { Alert, AutoComplete, Button, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { toAspect, type AspectValues } from '@/features/contest/aspectForm.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

const TRADES = ['电工', '焊工', '数控车工', '养老护理员', '网约配送员', '汽车维修工', '育婴员'];

interface Values {
  trade: string;
  venue?: string;
  eventDate: Dayjs;
  registrationOpens: Dayjs;
  registrationCloses: Dayjs;
  minAge: number;
  maxAge: number;
  minYearsInTrade: number;
  requiredCertificates: string[];
  quotaPerCity?: number | null;
  theoryWeight: number;
  aspects: AspectValues[];
  advance: number;
  appealHours: number;
  noticeDays: number;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** a key the marks can name: lower-case, unique within the event */
const newKey = () => `a${Math.random().toString(36).slice(2, 10)}`;

/** A new event (赛项) of a contest: trade, dates, eligibility, places per city and its marking scheme (评分细则). */
export function NewEventModal({ contest, onClose }: { contest: ContestDetailDto; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<Values>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.contest.pathKey() }),
  });
  const create = useMutation(api.contest.event.create.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create);
  const required = { required: true, message: t('contest.form.required') };
  const today = dayjs();
  const submit = (v: Values) =>
    create.mutate({
      contestId: contest.id,
      trade: v.trade.trim(),
      venue: v.venue?.trim() ?? '',
      eventDate: day(v.eventDate),
      registrationOpens: day(v.registrationOpens),
      registrationCloses: day(v.registrationCloses),
      minAge: v.minAge,
      maxAge: v.maxAge,
      minYearsInTrade: v.minYearsInTrade,
      requiredCertificates: v.requiredCertificates.map((c) => c.trim()).filter(Boolean),
      ...(v.quotaPerCity === null || v.quotaPerCity === undefined ? {} : { quotaPerCity: v.quotaPerCity }),
      theoryWeight: v.aspects.some((a) => a.part === 'theory') ? v.theoryWeight : 0,
      aspects: v.aspects.map(toAspect),
      advance: v.advance,
      appealHours: v.appealHours,
      noticeDays: v.noticeDays,
      idempotencyKey,
    });
  const num = (name: keyof Values, label: string, min: number, max: number, extra?: string) => (
    <Form.Item name={name} label={label} rules={[required]} extra={extra}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Modal {...modalProps} title={t('contest.newEvent.title', { contest: contest.title })} okText={t('contest.newEvent.ok')}>
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={submit}
        initialValues={{
          registrationOpens: today,
          registrationCloses: today.add(30, 'day'),
          eventDate: today.add(60, 'day'),
          minAge: 18,
          maxAge: 60,
          minYearsInTrade: 0,
          requiredCertificates: [],
          theoryWeight: 30,
          aspects: DEFAULT_CONTEST_ASPECTS,
          advance: 0,
          appealHours: 2,
          noticeDays: 5,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="trade" label={t('contest.newEvent.trade')} rules={[{ ...required, whitespace: true }, { max: 60 }]}>
              <AutoComplete options={TRADES.map((v) => ({ value: v }))} filterOption />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="venue" label={t('contest.event.venue')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="registrationOpens" label={t('contest.newEvent.opens')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="registrationCloses" label={t('contest.newEvent.closes')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="eventDate" label={t('contest.event.date')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>{num('minAge', t('contest.newEvent.minAge'), 16, 70)}</Col>
          <Col xs={8}>{num('maxAge', t('contest.newEvent.maxAge'), 16, 70)}</Col>
          <Col xs={8}>{num('minYearsInTrade', t('contest.newEvent.minYears'), 0, 50)}</Col>
          <Col xs={24} md={16}>
            <Form.Item name="requiredCertificates" label={t('contest.newEvent.certificates')} extra={t('contest.newEvent.certificatesHint')}>
              <Select mode="tags" maxCount={10} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="quotaPerCity"
              label={t('contest.event.quota')}
              extra={contest.entrantsPerCity === null ? t('contest.newEvent.quotaNoClause') : t('contest.newEvent.quotaHint', { n: contest.entrantsPerCity })}
            >
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} placeholder={contest.entrantsPerCity === null ? '' : String(contest.entrantsPerCity)} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('contest.newEvent.scheme')}</Divider>
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
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>{num('theoryWeight', t('contest.newEvent.theoryWeight'), 0, 100)}</Col>
          <Col xs={12} md={6}>{num('advance', t('contest.newEvent.advance'), 0, 1000, t('contest.newEvent.advanceHint'))}</Col>
          <Col xs={12} md={6}>{num('appealHours', t('contest.newEvent.appealHours'), 0, 720)}</Col>
          <Col xs={12} md={6}>{num('noticeDays', t('contest.newEvent.noticeDays'), 0, 60)}</Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
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
