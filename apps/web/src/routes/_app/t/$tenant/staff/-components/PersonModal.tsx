import { useMutation } from '@tanstack/react-query';
import type { StaffDto } from '@uc/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** 姓名 and 职务: how agreements, signatures and the audit log name this person. */
export function PersonModal({ staff, onClose }: { staff: StaffDto; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<{ displayName: string; title: string }>();
  const save = useMutation(
    api.staff.updatePerson.mutationOptions({
      onSuccess: () => {
        void message.success(t('staff.personSaved'));
        onClose();
        return refresh({ me: true });
      },
      onError: (err) => showFieldErrors(form, errorInfo(err, '').fields),
    }),
  );
  const problem = formProblem(save.error, t('common.networkError'));
  return (
    <Modal open title={t('staff.editPerson')} okText={t('common.save')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ displayName: staff.displayName, title: staff.title }}
        onFinish={(v) => save.mutate({ membershipId: staff.membershipId, displayName: v.displayName, title: v.title ?? '' })}
      >
        <Form.Item name="displayName" label={t('staff.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required', { field: t('staff.name') }) }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="title" label={t('staff.jobTitle')} extra={t('staff.jobTitleHint')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
