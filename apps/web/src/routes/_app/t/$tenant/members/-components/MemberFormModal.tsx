import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { MemberDto } from '@uc/contracts';
import { Alert, Col, Form, Input, Modal, Radio, Row, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useValidationRules } from '@/features/forms/validationRules.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions } from '@/lib/orgTree.ts';
import { HonoursField } from './HonoursField.tsx';
import { toFormValues, toMemberFields, type MemberFormValues } from './memberForm.ts';

/** Registers a member (member = null) or edits one; the API's field messages appear under the fields. */
export function MemberFormModal({ member, onClose }: { member: MemberDto | null; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<MemberFormValues, MemberDto>({
    onClose,
    refresh,
    savedMessage: (saved) => (member ? t('common.saved') : t('members.created', { name: saved.name })),
    // a duplicate ID number is shown under the field, like the API's field messages
    codeFields: { DUPLICATE_ID_NUMBER: 'idNumber' },
    width: 760,
  });
  const rules = useValidationRules();
  const { data: units } = useSuspenseQuery(api.orgUnit.list.queryOptions());
  const options = useMemo(() => orgTreeOptions(buildOrgTree(units)), [units]);
  const create = useMutation(api.member.create.mutationOptions(callbacks));
  const update = useMutation(api.member.update.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create, update);

  const submit = (v: MemberFormValues) =>
    member
      ? update.mutate({ id: member.id, version: member.version, ...toMemberFields(v) })
      : create.mutate({ ...toMemberFields(v), idNumber: (v.idNumber ?? '').trim(), idempotencyKey });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Modal {...modalProps} title={member ? t('members.editTitle', { name: member.name }) : t('members.createTitle')}>
      <Form form={form} layout="vertical" initialValues={toFormValues(member)} onFinish={submit} disabled={saving} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('members.name')} rules={[required(t('members.name')), { max: 40 }]}>
              <Input maxLength={40} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="gender" label={t('members.gender')}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('gender.male') },
                  { value: 'female', label: t('gender.female') },
                  { value: '', label: t('members.unknownGender') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {member ? (
              <Form.Item label={t('members.idNumber')} extra={t('members.idNumberFixed')}>
                <Typography.Text>{member.idNumberMasked}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="idNumber" label={t('members.idNumber')} rules={[required(t('members.idNumber')), { len: 18, message: t('members.idNumberLength') }, rules.idNumber]} validateTrigger="onBlur">
                <Input maxLength={18} style={{ fontVariantNumeric: 'tabular-nums' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="mobile" label={t('members.mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('members.mobileInvalid') }]}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="orgUnitId" label={t('members.orgUnit')} rules={[{ required: true, message: t('members.selectOrgUnit') }]}>
              <TreeSelect treeData={options} treeDefaultExpandedKeys={options.map((o) => o.value)} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('members.selectOrgUnit')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('members.honours')}</Typography.Title>
        <HonoursField />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
