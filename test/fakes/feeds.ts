// What a loopback feed server serves in source tests: a wire story's page and an RSS 2.0 feed listing stories.

/** An article page in the shape outlets publish: a title, a site name, a dateline paragraph with `quote`, another. */
export function storyPage(title: string, quote: string): string {
  return `<!doctype html><html><head><title>${title}</title>
<meta property="og:site_name" content="Treasury Wire"></head><body><article><h1>${title}</h1>
<p>WASHINGTON, Dec 3 (Treasury Wire) - ${quote}</p>
<p>The remarks came as markets weighed the outlook for rates and trade into the new year.</p>
</article></body></html>`;
}

/** An RSS 2.0 feed whose items link to their own pages. */
export function rssFeed(items: { id: string; url: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Treasury Wire</title><link>https://wire.example/</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.url}</link><guid isPermaLink="false">${i.id}</guid><pubDate>Thu, 03 Dec 2026 10:00:00 GMT</pubDate><description>${i.title}</description></item>`).join('\n')}
</channel></rss>`;
}
