import { Link } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useT } from '../lib/locale.ts';

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFound.title')}
      subTitle={t('error.notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
