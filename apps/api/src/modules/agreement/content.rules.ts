import sanitizeHtml from 'sanitize-html';
import type { AgreementContent } from '@uc/contracts';

// Clause bodies and the preamble are limited rich text; anything else is stripped before it is stored.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li'],
  allowedAttributes: {},
};

export const sanitizeRichText = (html: string) => sanitizeHtml(html, OPTIONS);

export function sanitizeContent(content: AgreementContent): AgreementContent {
  return {
    ...content,
    preamble: sanitizeRichText(content.preamble),
    clauses: content.clauses.map((c) => ({ ...c, body: sanitizeRichText(c.body) })),
  };
}

/** Rich text as plain paragraphs (for the PDF and the comparison view). */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li)>/g, '\n').replace(/<br\s*\/?>/g, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
