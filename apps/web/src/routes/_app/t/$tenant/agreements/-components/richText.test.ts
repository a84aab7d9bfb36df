import { describe, expect, it } from 'vitest';
import { htmlToMarkup, htmlToPlain, markupToHtml, parseHtml, parseMarkup } from './richText.ts';

describe('clause text as markup', () => {
  it('shows stored paragraphs, line breaks, lists and marks as markup', () => {
    const html = '<p>双方<strong>共建</strong>学习阵地，<em>共设</em>题目。<br />第二行<u>下划线</u></p><ul><li>宣讲</li><li>学习会</li></ul><ol><li>一</li><li>二</li></ol>';
    expect(htmlToMarkup(html)).toBe('双方**共建**学习阵地，*共设*题目。\n第二行__下划线__\n\n- 宣讲\n- 学习会\n\n1. 一\n2. 二');
  });

  it('turns markup back into the same HTML the sanitiser keeps', () => {
    const html = '<p>双方<strong>共建</strong>学习阵地，<em>共设</em>题目。<br />第二行<u>下划线</u></p><ul><li>宣讲</li><li>学习会</li></ul><ol><li>一</li><li>二</li></ol>';
    expect(markupToHtml(htmlToMarkup(html))).toBe(html);
  });

  it('keeps the template clauses exactly as they are', () => {
    const html = '<p>双方互认职工疗休养基地，每年相互预留疗休养名额，为对方会员提供同等服务。</p>';
    expect(markupToHtml(htmlToMarkup(html))).toBe(html);
  });

  it('separates paragraphs by a blank line and lets a list follow a line directly', () => {
    expect(markupToHtml('第一段\n\n第二段\n- 甲\n- 乙')).toBe('<p>第一段</p><p>第二段</p><ul><li>甲</li><li>乙</li></ul>');
  });

  it('nests marks and reads a run of markers as the toggles it stands for', () => {
    expect(markupToHtml('***粗斜***与**粗**')).toBe('<p><strong><em>粗斜</em></strong>与<strong>粗</strong></p>');
    const html = '<p><strong>甲</strong><strong><em>乙</em></strong><em>丙</em></p>';
    expect(markupToHtml(htmlToMarkup(html))).toBe(html);
  });

  it('treats an unclosed marker and a single underscore as text', () => {
    expect(markupToHtml('5 * 3 与 a_b')).toBe('<p>5 * 3 与 a_b</p>');
    expect(markupToHtml('**未闭合')).toBe('<p>**未闭合</p>');
  });

  it('escapes characters that would read as markup or HTML', () => {
    const html = '<p>a*b*c &amp; &lt;x&gt; d__e</p>';
    const markup = htmlToMarkup(html);
    expect(markup).toBe('a\\*b\\*c & <x> d\\_\\_e');
    expect(markupToHtml(markup)).toBe(html);
  });

  it('keeps a paragraph that starts like a list item a paragraph', () => {
    const html = '<p>- 并非列表</p><p>1. 也不是</p>';
    expect(markupToHtml(htmlToMarkup(html))).toBe(html);
  });

  it('drops empty paragraphs and whitespace between tags', () => {
    expect(parseHtml('<p></p>')).toEqual([]);
    expect(parseHtml('<ul>\n  <li>甲</li>\n</ul>')).toEqual([{ kind: 'ul', items: [[{ text: '甲' }]] }]);
    expect(parseMarkup('\n\n')).toEqual([]);
  });

  it('gives the plain text one paragraph or item per line', () => {
    expect(htmlToPlain('<p>甲<br />乙</p><ol><li>一</li></ol><ul><li>点</li></ul>')).toBe('甲\n乙\n1. 一\n• 点');
  });
});
