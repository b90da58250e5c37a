// A small React app that renders the article: server-rendered by the test, hydrated in the page.
import { createElement as h, useState } from 'react';

export function App({ paragraphs }: { paragraphs: readonly string[] }) {
  const [likes, setLikes] = useState(0);
  return h(
    'div',
    { className: 'app' },
    h('header', null, h('h1', null, 'Elon Musk commends US-Russia talks')),
    h('article', null, ...paragraphs.map((text, i) => h('p', { key: i }, text))),
    h('button', { id: 'like', type: 'button', onClick: () => setLikes(likes + 1) }, `Likes: ${likes}`),
  );
}
