import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_CONTEST_ASPECTS, type ContestDetailDto } from '@uc/contracts';
import { Alert, AutoComplete, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { toAspect, type AspectValues } from '@/features/contest/aspectForm.ts';
import { SchemeFields } from '@/features/contest/SchemeFields.tsx';
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
              extra={
                !contest.entrantsByCity.length
                  ? t('contest.newEvent.quotaNoClause')
                  : contest.entrantsPerCity !== null
                    ? t('contest.newEvent.quotaHint', { n: contest.entrantsPerCity })
                    : t('contest.newEvent.quotaHintByCity', { cities: contest.entrantsByCity.map((c) => t('contest.detail.cityEntrants', { city: c.name, n: c.entrants })).join(' · ') })
              }
            >
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} placeholder={contest.entrantsPerCity === null ? '' : String(contest.entrantsPerCity)} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('contest.newEvent.scheme')}</Divider>
        <SchemeFields />
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
