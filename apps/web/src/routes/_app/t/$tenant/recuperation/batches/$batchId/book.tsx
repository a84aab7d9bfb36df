import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Navigate, redirect, useNavigate } from '@tanstack/react-router';
import type { COMPANION_RELATIONS } from '@uc/contracts';
import { Alert, App, Button, Card, Flex, Form, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useMe, useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { AttemptKey, endsAttempt } from '@/features/recuperation/attemptKey.ts';
import { normaliseIdNumber } from '@/features/recuperation/companions.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { optionalInt, params, type Search } from '@/lib/search.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BackLink } from '@/routes/_app/t/$tenant/recuperation/-components/BackLink.tsx';
import { BookSummary } from '@/routes/_app/t/$tenant/recuperation/-components/BookSummary.tsx';
import { CompanionsField } from '@/routes/_app/t/$tenant/recuperation/-components/CompanionsField.tsx';
import { ConsentField } from '@/routes/_app/t/$tenant/recuperation/-components/ConsentField.tsx';


export const Route = createFileRoute('/_app/t/$tenant/recuperation/batches/$batchId/book')({
  // the step lives in the URL, so the browser's Back steps back through the form instead of leaving it
  validateSearch: (s: Search) => params({ step: optionalInt(s.step, { min: 0, max: 2 }) }),
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.catalog.batch.queryOptions({ batchId: params.batchId })),
  component: BookPage,
});

export interface BookValues {
  companions?: { name: string; relation: (typeof COMPANION_RELATIONS)[number]; idNumber: string }[];
  consent?: boolean;
  shareMobile?: boolean;
}

/** Three short steps on a phone: who travels, the consent to share their data, check and submit. */
function BookPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { batchId } = Route.useParams();
  const { data } = useSuspenseQuery(api.recuperation.catalog.batch.queryOptions({ batchId }));
  const [form] = Form.useForm<BookValues>();
  const step = Route.useSearch().step ?? 0;
  const routeNavigate = Route.useNavigate();
  const setStep = (to: number) => void routeNavigate({ search: (prev) => ({ ...prev, step: to || undefined }) });
  // what was entered survives Back, a reload or a detour to the batch page (this tab only), until booked
  const [draft] = useState(() => readDraft(batchId));
  const [problem, setProblem] = useState<{ message: string; reasons: string[] } | null>(null);
  // one key per attempt: a double tap or a retry over a bad connection books once
  const [attempt] = useState(() => new AttemptKey());
  const book = useMutation(api.recuperation.booking.book.mutationOptions());
  const { batch, myBooking } = data;
  const host = localName(locale, { nameZh: batch.hostNameZh, nameEn: batch.hostNameEn });

  const next = async () => {
    await form.validateFields(step === 0 ? [['companions']] : ['consent'], { recursive: true });
    setStep(step + 1);
  };

  const submit = async () => {
    // the step is in the URL, so this page can be reached (Forward, a pasted link) without the
    // earlier steps passing: check them again, and send the member back to the one that fails
    const passes = (fields: Parameters<typeof form.validateFields>[0]) => form.validateFields(fields, { recursive: true }).then(() => true, () => false);
    if (!(await passes([['companions']]))) return setStep(0);
    if (!(await passes(['consent']))) return setStep(1);
    const v = form.getFieldsValue(true) as BookValues;
    setProblem(null);
    try {
      const result = await book.mutateAsync({
        batchId,
        companions: (v.companions ?? []).map((c) => ({ name: c.name.trim(), relation: c.relation, gender: null, idNumber: normaliseIdNumber(c.idNumber) })),
        consent: { accepted: true, shareMobile: v.shareMobile === true },
        idempotencyKey: attempt.current,
      });
      attempt.settle();
      clearDraft(batchId);
      const b = result.booking;
      void message.success(b.status === 'waitlisted' ? t('booking.form.waitlisted', { n: b.waitlistPosition ?? '' }) : t('booking.form.submitted'));
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
      await navigate({ to: '/t/$tenant/recuperation/bookings/$bookingId', params: { tenant: slug, bookingId: b.id } });
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (endsAttempt(info.code)) attempt.settle();
      const reasons = Array.isArray(info.details.reasons) ? (info.details.reasons as { message?: string }[]).map((r) => r.message ?? '').filter(Boolean) : [];
      setProblem({ message: info.message, reasons });
    }
  };

  // booked already (in another tab, or this attempt went through before the connection dropped)
  if (myBooking && !book.isPending) return <Navigate to="/t/$tenant/recuperation/bookings/$bookingId" params={{ tenant: slug, bookingId: myBooking.id }} replace />;

  return (
    <>
      <BackLink to="/t/$tenant/recuperation/batches/$batchId" params={{ tenant: slug, batchId }}>
        {batch.route.title}
      </BackLink>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('booking.form.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        responsive={false}
        items={[{ title: t('booking.step.people') }, { title: t('booking.step.consent') }, { title: t('booking.step.submit') }]}
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ companions: [], consent: false, shareMobile: false, ...draft }}
        onValuesChange={() => saveDraft(batchId, form.getFieldsValue(true) as BookValues)}
      >
        <div hidden={step !== 0}>
          <Card size="small">
            <Typography.Text strong>
              {t('booking.form.self')}：{me.user.displayName}
            </Typography.Text>
            <div style={{ color: '#8c8c8c', fontSize: 13 }}>{t('booking.form.selfNote')}</div>
          </Card>
          <CompanionsField form={form} />
        </div>
        <div hidden={step !== 1}>
          <ConsentField host={host} />
        </div>
        {step === 2 && <BookSummary batch={batch} values={form.getFieldsValue(true) as BookValues} host={host} />}
      </Form>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.message}
          description={problem.reasons.length ? problem.reasons.map((r) => <div key={r}>{r}</div>) : undefined}
        />
      )}
      <Flex gap={8} style={{ position: 'sticky', bottom: 0, padding: '12px 0', marginTop: 8, background: '#f3f4f7', zIndex: 2 }}>
        {step > 0 && (
          <Button size="large" onClick={() => setStep(step - 1)} disabled={book.isPending} style={{ flex: '0 0 96px' }}>
            {t('booking.form.prev')}
          </Button>
        )}
        {step < 2 ? (
          <Button size="large" type="primary" block onClick={() => void next().catch(() => undefined)}>
            {t('booking.form.next')}
          </Button>
        ) : (
          <Button size="large" type="primary" block loading={book.isPending} onClick={() => void submit()}>
            {batch.bedsLeft > 0 ? t('booking.form.submit') : t('booking.form.submitWaitlist')}
          </Button>
        )}
      </Flex>
    </>
  );
}

// The booking draft (companions, consent) in sessionStorage, keyed by batch: never shared across
// tabs or kept after the browser closes, and cleared once the booking is made.
const draftKey = (batchId: string) => `uc.booking.draft.${batchId}`;

function readDraft(batchId: string): BookValues {
  try {
    const raw = sessionStorage.getItem(draftKey(batchId));
    const v = raw ? (JSON.parse(raw) as BookValues) : {};
    return {
      ...(Array.isArray(v.companions) ? { companions: v.companions.filter((c) => c && typeof c === 'object') } : {}),
      ...(typeof v.consent === 'boolean' ? { consent: v.consent } : {}),
      ...(typeof v.shareMobile === 'boolean' ? { shareMobile: v.shareMobile } : {}),
    };
  } catch {
    return {};
  }
}

function saveDraft(batchId: string, v: BookValues) {
  try {
    sessionStorage.setItem(draftKey(batchId), JSON.stringify({ companions: v.companions ?? [], consent: v.consent === true, shareMobile: v.shareMobile === true }));
  } catch {
    // storage full or disabled: the form still works, only Back loses it
  }
}

function clearDraft(batchId: string) {
  try {
    sessionStorage.removeItem(draftKey(batchId));
  } catch {
    // nothing kept
  }
}
