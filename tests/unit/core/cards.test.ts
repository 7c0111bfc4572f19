import { checkedCardActivity, MAX_ACTIVITY_BYTES } from '../../../core/cards/card-activity';
import { CARD, draft, harness, waitForStatus, type Harness } from './fakes/harness';

describe('card checks', () => {
  it('when a card is valid, then the activity carries it as one Adaptive Card attachment', () => {
    const { activity } = checkedCardActivity(CARD, 'Hello');
    expect(activity).toEqual({ type: 'message', summary: 'Hello', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: CARD }] });
  });

  it.each([
    ['not a card', { type: 'Message' }],
    ['a version Teams does not render', { ...CARD, version: '2.0' }],
    ['a body that is not a list', { ...CARD, body: 'hi' }],
    ['an unknown action type', { ...CARD, actions: [{ type: 'Action.Teleport' }] }],
  ])('when the card is %s, then it is refused as card_invalid', (_name, card) => {
    expect(() => checkedCardActivity(card)).toThrow(expect.objectContaining({ code: 'card_invalid' }));
  });

  it('when the activity is over the Connector limit, then it is refused as card_too_large with the size', () => {
    const big = { ...CARD, body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_ACTIVITY_BYTES) }] };
    expect(() => checkedCardActivity(big)).toThrow(expect.objectContaining({ code: 'card_too_large', status: 413 }));
  });

  describe('before any send', () => {
    let h: Harness;
    afterEach(async () => {
      await h.engine.stop();
      await h.store.close();
    });

    it('when a notification or an edit carries a card over the limit, then it is refused and nothing is sent or updated', async () => {
      h = await harness({ users: 3 });
      await h.engine.start();
      const big = { ...CARD, body: [{ type: 'TextBlock', text: 'é'.repeat(MAX_ACTIVITY_BYTES / 2) }] };
      await expect(h.engine.createNotification({ ...draft(), card: big })).rejects.toMatchObject({ code: 'card_too_large' });
      const notification = await h.engine.createNotification(draft());
      await h.engine.send(notification.id);
      await waitForStatus(h, notification.id, 'completed');
      await expect(h.engine.edit(notification.id, big)).rejects.toMatchObject({ code: 'card_too_large' });
      expect(h.messenger.sends).toBe(3);
      expect(h.messenger.updated).toHaveLength(0);
    });
  });
});
