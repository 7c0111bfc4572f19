// The activity feed: what apps sent the person with Graph's sendActivityNotification, newest first.

/** Fills `container` with the feed items (an item replaced through its chainId is already gone). */
export function renderFeed(container, items) {
  container.replaceChildren();
  if (items.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No activity yet.';
    container.append(empty);
    return;
  }
  const list = document.createElement('ol');
  list.className = 'feed';
  list.setAttribute('aria-label', 'Activity');
  list.dataset.testid = 'activity-feed';
  list.append(...items.map(feedItem));
  container.append(list);
}

function feedItem(item) {
  const element = document.createElement('li');
  element.className = 'feed-item';
  element.dataset.testid = 'feed-item';
  element.dataset.activityType = item.activityType;
  if (item.chainId !== undefined) element.dataset.chainId = item.chainId;
  element.innerHTML = '<strong></strong><p></p><small></small>';
  element.querySelector('strong').textContent = item.title;
  element.querySelector('p').textContent = item.previewText;
  const when = new Date(item.createdDateTime).toLocaleTimeString();
  element.querySelector('small').textContent = `${item.topic.source === 'text' ? item.topic.value : 'Herald'} · ${when}`;
  if (item.topic.webUrl) {
    element.tabIndex = 0;
    element.addEventListener('click', () => window.open(item.topic.webUrl, '_blank', 'noopener'));
  }
  return element;
}
