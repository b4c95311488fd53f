import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * A lesson's Markdown as HTML a learner's browser can show (issue 10 §1: "a council admin's lesson must not be
 * able to run script in a learner's browser"). Two layers, each enough alone:
 *
 * 1. markdown-it with `html: false`: raw HTML in the Markdown is escaped as text, not passed through, and its
 *    link check refuses `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs.
 * 2. sanitize-html over the result, with an allow-list of the elements Markdown makes (headings, paragraphs,
 *    lists, tables, emphasis, code, quotes, rules, links and images) and of their few attributes; links and
 *    images only by https (links also mailto); every link opens with `rel="noopener noreferrer"`.
 *
 * The Content-Security-Policy (docs/security.md) is the third: no inline script runs on the page anyway.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "s",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    th: ["style"],
    td: ["style"],
    ol: ["start"],
  },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
    // A lesson's own headings sit under the page's h1 (the lesson's title).
    h1: "h2",
  },
  disallowedTagsMode: "discard",
};

export function lessonHtml(body: string): string {
  return sanitizeHtml(markdown.render(body), allowed);
}
