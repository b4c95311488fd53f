import { describe, expect, it } from "vitest";
import { lessonHtml } from "./lesson-html.ts";

const markdownTags = [
  "h2",
  "h3",
  "p",
  "br",
  "em",
  "strong",
  "a",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

describe("lesson HTML (issue 10 §1: a lesson must not run script in a learner's browser)", () => {
  it("renders the Markdown a lesson uses: headings, lists, tables, emphasis, links and images by https", () => {
    const html = lessonHtml(
      [
        "# Tiering",
        "",
        "Contracts are **High**, *Medium* or Low.",
        "",
        "- one",
        "- two",
        "",
        "| Tier | Review |",
        "| :--- | -----: |",
        "| High | quarterly |",
        "",
        "[004 §4](https://example.org/004) ![A chart](https://example.org/chart.png)",
      ].join("\n"),
    );
    expect(html).toContain("<h2>Tiering</h2>");
    expect(html).toContain("<strong>High</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<th style="text-align:left">Tier</th>');
    expect(html).toContain('<td style="text-align:right">quarterly</td>');
    expect(html).toContain('<a href="https://example.org/004" rel="noopener noreferrer">004 §4</a>');
    expect(html).toContain('<img src="https://example.org/chart.png" alt="A chart" />');
  });

  it.each([
    ["a script element", "<script>alert(1)</script>"],
    ["an event handler", '<img src="x" onerror="alert(1)">'],
    ["an svg with onload", '<svg onload="alert(1)"></svg>'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["an encoded javascript: link", "[click](jav&#x61;script:alert(1))"],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["a javascript: image", "![x](javascript:alert(1))"],
    ["an http image (only https)", "![x](http://tracker.example/p.gif)"],
    ["a data: image", "![x](data:image/png;base64,iVBORw0KGgo=)"],
    ["a vbscript: image", "![x](vbscript:msgbox(1))"],
    ["a file: image", "![x](file:///etc/passwd)"],
    ["a protocol-relative image", "![x](//tracker.example/p.gif)"],
    ["an image in raw HTML", '<img src="https://tracker.example/p.gif" onload="alert(1)">'],
    [
      "a style attribute smuggled in a table",
      '| a |\n| - |\n| <td style="background:url(javascript:alert(1))"> |',
    ],
    ["a form", '<form action="https://evil.example"><input name="password"></form>'],
  ])("renders %s inert", (_name, payload) => {
    const html = lessonHtml(`Before\n\n${payload}\n\nAfter`);
    // Every real tag (escaped text starts with &lt;, not <) is one Markdown makes, with only safe attributes.
    for (const [, tag, attributes = ""] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
      expect(markdownTags, `<${tag}>`).toContain(tag?.toLowerCase());
      expect(attributes).not.toMatch(/\son\w+\s*=/i);
      expect(attributes).not.toMatch(/(href|src)="\s*(javascript|data|vbscript|file|http):/i);
      // The Content-Security-Policy lets a lesson's images load from any https address (docs/security.md), so
      // the sanitiser is what keeps an image's source to https: none of these images keeps a source at all.
      if (tag === "img") expect(attributes).not.toMatch(/\ssrc=/i);
      expect(attributes).not.toMatch(/url\(/i);
    }
    expect(html).toContain("After");
  });

  it("shows raw HTML as text rather than dropping what the author wrote", () => {
    expect(lessonHtml("<b>bold?</b>")).toBe("<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n");
  });
});
