import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { DATE_INPUT_FORMATS, toDateString } from '@/lib/dates.ts';

/** A calendar date kept as YYYY-MM-DD in the form (as the API takes it), picked with AntD's DatePicker or typed. */
export function DateInput({ value, onChange, id, ...rest }: { value?: string | null; onChange?: (value: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? toDateString(d) : undefined)}
      format={DATE_INPUT_FORMATS}
      style={{ width: '100%' }}
      aria-label={rest['aria-label']}
    />
  );
}
