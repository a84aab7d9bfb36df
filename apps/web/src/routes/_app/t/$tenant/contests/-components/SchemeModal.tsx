import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContestEventDto } from '@uc/contracts';
import { Alert, Button, Col, Form, InputNumber, Modal, Row } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { fromAspect, toAspect, type AspectValues } from '@/features/contest/aspectForm.ts';
import { SchemeFields } from '@/features/contest/SchemeFields.tsx';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

interface Values {
  theoryWeight: number;
  aspects: AspectValues[];
}

/** The organiser's 调整评分细则 on an event no mark has reached yet (after the first mark the scheme is fixed). */
export function SchemeButton({ event }: { event: ContestEventDto }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="contest-scheme-edit">
        {t('contest.scheme.edit')}
      </Button>
      {open && <SchemeModal event={event} onClose={() => setOpen(false)} />}
    </>
  );
}

function SchemeModal({ event: e, onClose }: { event: ContestEventDto; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status } = useEntityFormModal<Values>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.contest.pathKey() }),
  });
  const save = useMutation(api.contest.event.updateScheme.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(save);
  const submit = (v: Values) =>
    save.mutate({
      eventId: e.id,
      theoryWeight: v.aspects.some((a) => a.part === 'theory') ? v.theoryWeight : 0,
      aspects: v.aspects.map(toAspect),
      rowVersion: e.rowVersion,
    });
  return (
    <Modal {...modalProps} title={t('contest.scheme.title', { trade: e.trade })} okText={t('contest.scheme.save')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('contest.scheme.help')} />
      <Form form={form} layout="vertical" disabled={saving} onFinish={submit} initialValues={{ theoryWeight: e.theoryWeight, aspects: e.aspects.map(fromAspect) }}>
        <SchemeFields />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Form.Item name="theoryWeight" label={t('contest.newEvent.theoryWeight')} rules={[{ required: true, message: t('contest.form.required') }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
