import assert from "node:assert/strict";
import { test } from "node:test";
import { HOSTILE_HTML } from "../../../tests/helpers/mail-corpus.ts";
import { HTML_TEXT_LIMITS, htmlToPlainText } from "./html-text.ts";
import { defangLinks } from "./plain-text.ts";

test("hostile HTML becomes readable text without code, frames or hidden links", () => {
	const text = htmlToPlainText(HOSTILE_HTML);
	assert.match(text, /請求書のお知らせ/);
	assert.match(text, /お支払いはこちら \[https:\/\/pay\.evil\.example\/invoice\?id=1\]/);
	assert.match(text, /詳細 \[link removed\]/);
	assert.doesNotMatch(
		text,
		/alert\(1\)|document\.cookie|evil\.example\/(?:frame|login|bg)|tracker|javascript|data:/i,
	);
	assert.match(text, /\[ロゴ\]/);
});

test("tables stay legible: data tables in columns, layout tables as blocks", () => {
	const text = htmlToPlainText(
		"<table><tr><th>品目</th><th>金額</th></tr><tr><td>住民票</td><td>300円</td></tr></table><table><tr><td><table><tr><td>内側</td></tr></table></td></tr></table>",
	);
	assert.match(text, /品目\s+金額\n住民票\s+300円/);
	assert.match(text, /内側/);
});

test("lists keep their items on their own lines", () => {
	assert.equal(
		htmlToPlainText("<ul><li>一</li><li>二</li></ul><ol><li>a</li><li>b</li></ol>"),
		" ・一\n ・二\n 1. a\n 2. b",
	);
});

test("blocks: paragraphs and divs on their own lines, headings set off, <br> breaks the line", () => {
	assert.equal(htmlToPlainText("<p>一</p><p>二</p><div>三<br>四</div>"), "一\n二\n三\n四");
	assert.equal(htmlToPlainText("<p>本文</p><h2>見出し</h2><p>続き</p>"), "本文\n\n見出し\n続き");
	assert.equal(htmlToPlainText("a<br><br>b"), "a\n\nb");
	assert.equal(htmlToPlainText("<hr><hr><p>x</p>"), `${"-".repeat(40)}\n\nx`);
});

test("whitespace collapses like a browser; a line break between Japanese characters vanishes", () => {
	assert.equal(htmlToPlainText("<p>  Hello \n\t world  </p>"), "Hello world");
	assert.equal(
		htmlToPlainText("<p>住民票の\n写しを  請求します。</p>"),
		"住民票の写しを 請求します。",
	);
	assert.equal(htmlToPlainText("<p>住民票 <b>\n写し</b></p>"), "住民票写し");
	assert.equal(htmlToPlainText("<p>Mamori\n守り</p>"), "Mamori 守り");
});

test("<pre> keeps its spaces and line breaks", () => {
	assert.equal(
		htmlToPlainText("<p>前</p><pre>\n  a   b\n\tc\n</pre><p>後</p>"),
		"前\n\n  a   b\n\tc\n\n後",
	);
});

test("entities are decoded in text and attributes; NBSP stays a character", () => {
	assert.equal(
		htmlToPlainText("<p>&lt;b&gt; &amp; &copy; &#x3042;&#12354; a&nbsp;b</p>"),
		"<b> & © ああ a\u00a0b",
	);
	assert.equal(htmlToPlainText('<img alt="&quot;印&quot;">'), '["印"]');
});

test("code, styles, templates and document metadata are dropped, even when left open", () => {
	const text = htmlToPlainText(
		"<html><head><title>題</title><style>p{}</style><body><p>本文</p><script>x()</script><noscript>ns</noscript><template>tp</template><svg><text>s</text></svg><p>末尾</p>",
	);
	assert.equal(text, "本文\n末尾");
	assert.equal(htmlToPlainText("<p>a</p><script>alert(1)"), "a");
});

test("lists: bullets and numbers, nested lists indented, continuation lines aligned", () => {
	assert.equal(
		htmlToPlainText("<ul><li>一<ul><li>二</li></ul></li><li>三<br>続き</li></ul>"),
		" ・一\n    ・二\n ・三\n   続き",
	);
	assert.equal(
		htmlToPlainText(
			'<ol start="9"><li>x</li><li>y</li></ol><ol type="a"><li>p</li><li>q</li></ol>',
		),
		" 9. x\n 10. y\n a. p\n b. q",
	);
	assert.equal(
		htmlToPlainText('<ol type="I"><li>x</li><li value="4">y</li></ol>'),
		" I. x\n IV. y",
	);
	assert.equal(htmlToPlainText("<li>一つだけ</li>"), "一つだけ");
});

test("quotes are prefixed line by line; deep nesting stops indenting", () => {
	assert.equal(
		htmlToPlainText("<blockquote>a<blockquote>b</blockquote>c</blockquote>後"),
		"> a\n>\n> > b\n>\n> c\n\n後",
	);
	const deep = htmlToPlainText(`${"<blockquote>".repeat(100)}x<br>y`);
	assert.equal(deep, `${"> ".repeat(12)}x\n${"> ".repeat(12)}y`);
});

test("data tables line up by display width; multi-line cells and spans stay in their columns", () => {
	assert.equal(
		htmlToPlainText(
			"<table><caption>手数料</caption><tr><th>品目</th><th>金額</th></tr><tr><td>住民票の写し</td><td>300円</td></tr></table>",
		),
		"手数料\n品目           金額\n住民票の写し   300円",
	);
	assert.equal(
		htmlToPlainText(
			"<table><tr><td>a<br>b</td><td>c</td></tr><tr><td colspan=2>wide cell</td></tr><tr><td>d</td><td>e</td></tr></table>",
		),
		"a   c\nb\nwide cell\nd   e",
	);
	assert.equal(
		htmlToPlainText("<table><tr><td rowspan=2>左</td><td>1</td></tr><tr><td>2</td></tr></table>"),
		"左   1\n     2",
	);
	const long = htmlToPlainText(`<table><tr><td>${"あ".repeat(40)}</td><td>x</td></tr></table>`);
	assert.equal(long, `${"あ".repeat(30)}   x\n${"あ".repeat(10)}`);
});

test("layout tables (one column, or a table inside) are written cell by cell", () => {
	assert.equal(
		htmlToPlainText("<table><tr><td>上</td></tr><tr><td>下</td></tr></table>"),
		"上\n下",
	);
	assert.equal(
		htmlToPlainText(
			"<table><tr><td>l1</td><td>l2</td></tr><tr><td><table><tr><td>i1</td><td>i2</td></tr></table></td><td>x</td></tr></table>",
		),
		"l1\nl2\ni1   i2\nx",
	);
	assert.equal(
		htmlToPlainText(
			"<p>前</p><table><tr><td>a</td><td>b</td></tr>余り<tr><td>c</td><td>d</td></tr></table><p>後</p>",
		),
		"前\n余り\na   b\nc   d\n後",
	);
});

test("a table that would be mostly padding is written cell by cell instead", () => {
	const rows = '<tr><td colspan="50"></td><td>x</td></tr>'.repeat(2000);
	const text = htmlToPlainText(`<table><tr><td>a</td><td>b</td></tr>${rows}</table>`);
	assert.ok(text.length < 10_000, `text of ${text.length} characters`);
	assert.match(text, /^a\nb\nx\nx/);
});

test("links: target beside the text, not repeated, scripts and data removed, mailto shortened", () => {
	const text = htmlToPlainText(
		'<a href="https://x.example/">https://x.example/</a> <a href="mailto:a@b.example">a@b.example</a> <a href="https://y.example/">申請</a> <a href="#top">先頭</a> <a href=" JaVaScRiPt&colon;alert(1)">確認</a> <a href="data:text/html,x"></a> <a href="https://z.example/"><img alt="ロゴ"></a>',
	);
	assert.equal(
		text,
		"https://x.example/ a@b.example 申請 [https://y.example/] 先頭 確認 [link removed] [link removed] [ロゴ] [https://z.example/]",
	);
	assert.equal(
		defangLinks(text).text,
		"hxxps://x.example/ a@b.example 申請 [hxxps://y.example/] 先頭 確認 [link removed] [link removed] [ロゴ] [hxxps://z.example/]",
	);
});

test("limits: content past depth 200 is cut, later content kept; absurd depth stops the conversion", () => {
	const deep = `<div>${"<div>".repeat(250)}深い${"</div>".repeat(250)}後</div>`;
	assert.equal(htmlToPlainText(deep), `${"…"}\n後`);
	const started = performance.now();
	const absurd = htmlToPlainText(`<p>前</p>${"<span>".repeat(200_000)}${"</i>".repeat(200_000)}後`);
	assert.equal(absurd, "前\n…");
	assert.ok(performance.now() - started < 2000, "bounded time");
	assert.equal(HTML_TEXT_LIMITS.maxDepth, 200);
});

test("limits: children past the count are cut, and the text cannot grow far beyond the HTML", () => {
	const many = htmlToPlainText(`${"<b>x</b>".repeat(HTML_TEXT_LIMITS.maxChildNodes + 10)}`);
	assert.equal(many, `${"x".repeat(HTML_TEXT_LIMITS.maxChildNodes)} …`);
	const html = "<hr>x".repeat(100_000);
	const text = htmlToPlainText(html);
	assert.ok(
		text.length <= HTML_TEXT_LIMITS.outputPerInputChar * html.length + 70_000,
		`${text.length} characters from ${html.length}`,
	);
	assert.ok(text.endsWith("…"));
});
