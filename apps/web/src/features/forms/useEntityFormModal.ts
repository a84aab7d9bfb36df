import { App, Form, Grid, type ModalProps } from 'antd';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { useRequestKey } from './useRequestKey.ts';

interface Options<Saved> {
  onClose(): void;
  /** refreshes what shows the entity after a save (invalidate its queries, or the tenant) */
  refresh(): Promise<unknown>;
  /** the toast after a save (default: 已保存) */
  savedMessage?(saved: Saved): string;
  /** API field paths shown under a differently named form field: { certifiedUntil: 'certified' } */
  fieldAliases?: Record<string, string>;
  /** error codes shown under a field instead of above the buttons: { DUPLICATE_ID_NUMBER: 'idNumber' } */
  codeFields?: Record<string, string>;
  /** the modal's width on a desktop; a phone always gets the full width */
  width?: number;
}

interface MutationState {
  isPending: boolean;
  error: unknown;
}

/** The API's field messages under the form's own field names (the first message for a field wins). */
function aliasFields(fields: Record<string, string>, aliases: Record<string, string> = {}): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = aliases[path] ?? path;
    shown[name] ??= message;
  }
  return shown;
}

/**
 * What every create/edit modal does the same way: the form, the mutation callbacks (toast, close,
 * refresh; the API's field messages under the fields), and — from the modal's mutations — whether
 * it is saving, the problem to show above the buttons, and the Modal's props.
 *
 *   const { form, callbacks, status, idempotencyKey } = useEntityFormModal<Values, Dto>({ onClose, refresh });
 *   const create = useMutation(api.x.create.mutationOptions(callbacks));
 *   create.mutate({ ...fields, idempotencyKey });
 *   const { saving, problem, modalProps } = status(create);
 */
export function useEntityFormModal<Values, Saved = unknown>(options: Options<Saved>) {
  const t = useT();
  const { message } = App.useApp();
  const { md } = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  // sent with the create mutation: a double click or a retry of this opening makes one row
  const idempotencyKey = useRequestKey();
  const codeField = (err: unknown) => {
    const code = errorInfo(err, '').code;
    return code ? options.codeFields?.[code] : undefined;
  };

  const callbacks = {
    onSuccess: async (saved: Saved) => {
      void message.success(options.savedMessage?.(saved) ?? t('common.saved'));
      options.onClose();
      await options.refresh();
    },
    onError: (err: unknown) => {
      const info = errorInfo(err, '');
      const field = codeField(err);
      showFieldErrors(form, field ? { [field]: info.message } : aliasFields(info.fields, options.fieldAliases));
    },
  };

  const status = (...mutations: MutationState[]) => {
    const saving = mutations.some((m) => m.isPending);
    const error = mutations.find((m) => m.error)?.error ?? null;
    const problem = codeField(error) ? null : formProblem(error, t('common.networkError'));
    const modalProps: ModalProps = {
      open: true,
      okText: t('common.save'),
      onOk: () => form.submit(),
      onCancel: options.onClose,
      confirmLoading: saving,
      width: md === false ? '100%' : (options.width ?? 720),
      destroyOnHidden: true,
    };
    return { saving, problem, modalProps };
  };

  return { form, callbacks, status, idempotencyKey };
}
