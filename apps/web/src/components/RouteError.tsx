import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { Button, Result, Space } from 'antd';
import { useEffect } from 'react';
import { errorInfo } from '../lib/errors.ts';
import { useT } from '../lib/locale.ts';

const STATUS: Record<string, '403' | '404'> = { FORBIDDEN: '403', NOT_FOUND: '404' };

/** A page whose data could not load: what the API said, and a way on. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  const info = errorInfo(error, t('common.networkError'));

  useEffect(() => queryReset.reset(), [queryReset]);

  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Result
      status={(info.code ? STATUS[info.code] : undefined) ?? 'error'}
      title={info.code === 'NOT_FOUND' ? t('error.notFound.title') : t('error.title')}
      subTitle={info.message}
      extra={
        <Space wrap>
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
          <Link to="/">
            <Button>{t('common.backHome')}</Button>
          </Link>
        </Space>
      }
    />
  );
}
