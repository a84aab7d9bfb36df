import { BoldOutlined, EyeOutlined, ItalicOutlined, OrderedListOutlined, QuestionCircleOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import { useT } from '@/lib/locale.ts';
import { toggleList, toggleWrap, type TextEdit } from './markupEdits.ts';
import { RichText } from './RichText.tsx';
import { markupToHtml } from './richText.ts';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  minRows?: number;
  'aria-label'?: string;
  id?: string;
}

/**
 * Clause text in a plain textarea with light markup (see richText.ts), a small toolbar and a
 * preview. A textarea rather than a contentEditable editor: it works the same on phones, pastes as
 * plain text, and its markup maps one to one onto the few tags the API's sanitiser keeps.
 */
export function RichTextArea({ value = '', onChange, placeholder, minRows = 3, id, ...rest }: Props) {
  const t = useT();
  const ref = useRef<GetRef<typeof Input.TextArea>>(null);
  const [preview, setPreview] = useState(false);

  const apply = (edit: (value: string, start: number, end: number) => TextEdit) => {
    const el = ref.current?.resizableTextArea?.textArea;
    if (!el) return;
    const next = edit(el.value, el.selectionStart, el.selectionEnd);
    onChange?.(next.value);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  };
  const tool = (label: string, icon: React.ReactNode, edit: (value: string, start: number, end: number) => TextEdit) => (
    <Tooltip title={label}>
      <Button type="text" size="small" icon={icon} aria-label={label} disabled={preview} onClick={() => apply(edit)} />
    </Tooltip>
  );

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}>
      <Flex align="center" gap={2} wrap style={{ padding: '2px 4px', borderBottom: '1px solid #f0f0f0' }}>
        {tool(t('agreements.editor.bold'), <BoldOutlined />, (v, s, e) => toggleWrap(v, s, e, '**'))}
        {tool(t('agreements.editor.italic'), <ItalicOutlined />, (v, s, e) => toggleWrap(v, s, e, '*'))}
        {tool(t('agreements.editor.underline'), <UnderlineOutlined />, (v, s, e) => toggleWrap(v, s, e, '__'))}
        {tool(t('agreements.editor.bullets'), <UnorderedListOutlined />, (v, s, e) => toggleList(v, s, e, 'ul'))}
        {tool(t('agreements.editor.numbers'), <OrderedListOutlined />, (v, s, e) => toggleList(v, s, e, 'ol'))}
        <Tooltip title={t('agreements.editor.markupHelp')}>
          <QuestionCircleOutlined style={{ color: '#8c8c8c', marginInline: 6 }} aria-label={t('agreements.editor.markupHelp')} />
        </Tooltip>
        <Button
          type={preview ? 'primary' : 'text'}
          ghost={preview}
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setPreview((p) => !p)}
          style={{ marginInlineStart: 'auto' }}
          aria-pressed={preview}
        >
          {t('agreements.editor.preview')}
        </Button>
      </Flex>
      {preview ? (
        <div style={{ padding: '8px 11px', minHeight: minRows * 22 }}>
          <RichText html={markupToHtml(value)} empty={t('agreements.editor.emptyText')} />
        </div>
      ) : (
        <Input.TextArea
          ref={ref}
          id={id}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          placeholder={placeholder}
          autoSize={{ minRows, maxRows: 24 }}
          variant="borderless"
          maxLength={20_000}
          aria-label={rest['aria-label']}
        />
      )}
    </div>
  );
}
