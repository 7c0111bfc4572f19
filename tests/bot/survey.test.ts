import { finished } from '../support/herald';
import type { SurveyInput } from '../../core/responses/survey';
import { activitiesIn, freshUsers, http, personalConversationId, startBotHerald, teamsApi, type TestHerald } from './support/bot-harness';

describe('surveys run as dialogs in the chat', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startBotHerald({ HERALD_WELCOME: 'off' });
  });
  afterAll(() => t.close());

  const survey = (title: string): SurveyInput => ({
    title,
    intro: 'Three quick questions.',
    questions: [
      { text: 'How was the offsite?', choices: ['Great', 'Fine', 'Poor'] },
      { text: 'What should we change?' },
      { text: 'Would you come again?', choices: ['Yes', 'No'] },
    ],
  });

  async function deliver(title: string, userId: string): Promise<string> {
    const { herald } = t;
    const actor = await herald.operator();
    const { notification } = await herald.notifications.createSurvey(actor, { survey: survey(title), audience: { include: [{ kind: 'user', id: userId }], exclude: [], includeGuests: false } });
    expect(notification.origin).toBe('survey');
    await (await herald.notifications.send(actor, notification.id)).work;
    await finished(herald, notification.id);
    return notification.id;
  }

  /** Types a message in the user's chat, as the Teams client does, and returns what the bot said back. */
  async function say(userId: string, text: string): Promise<string> {
    const conversationId = personalConversationId(t, userId);
    const before = (await activitiesIn(t, conversationId)).length;
    const posted = await http('POST', `${teamsApi(t)}/conversations/${encodeURIComponent(conversationId)}/messages`, { userId, text });
    expect(posted.json.botStatus).toBe(200);
    return (await activitiesIn(t, conversationId))
      .slice(before)
      .filter((a) => a.from === 'bot')
      .map((a) => String(a.activity.text ?? ''))
      .join('\n');
  }

  const answers = async (notificationId: string) =>
    (await t.herald.store.responses.surveys.answersOf(notificationId, '', 10)).map((answer) => [answer.questionIndex, answer.answer]);

  it('when a recipient answers, then each question comes in turn, answers are recorded, and a restart resumes where they were', async () => {
    const [user] = freshUsers(t, 1);
    const id = await deliver('Offsite feedback', user!.id);
    const [card] = (await activitiesIn(t, personalConversationId(t, user!.id))).filter((a) => a.from === 'bot');
    expect(JSON.stringify(card!.activity)).toContain('How was the offsite?');

    expect(await say(user!.id, '1')).toContain('Question 2 of 3');
    expect(await say(user!.id, 'help')).toMatch(/Herald[\s\S]*Question 2 of 3/);

    await t.herald.close();
    await t.restart();

    expect(await say(user!.id, 'More coffee')).toContain('Question 3 of 3');
    expect(await say(user!.id, 'maybe')).toContain('Please answer with a number from 1 to 2');
    expect(await say(user!.id, 'yes')).toContain('Thank you');
    expect(await answers(id)).toEqual([
      [0, 'Great'],
      [1, 'More coffee'],
      [2, 'Yes'],
    ]);
    expect(await t.herald.store.responses.surveys.completedCount(id)).toBe(1);
    expect(await say(user!.id, 'hello?')).toContain('Type **help**');
  });

  it('when a second survey arrives mid-survey, then it runs first and the first one resumes where it was', async () => {
    const [user] = freshUsers(t, 1);
    const first = await deliver('Canteen survey', user!.id);
    expect(await say(user!.id, 'Fine')).toContain('Question 2 of 3');
    const second = await deliver('IT survey', user!.id);

    expect(await say(user!.id, '3')).toContain('Question 2 of 3');
    expect(await say(user!.id, 'Faster laptops')).toContain('Question 3 of 3');
    const handBack = await say(user!.id, '2');
    expect(handBack).toContain('Thank you! Your answers to **IT survey**');
    expect(handBack).toContain('Back to **Canteen survey**');
    expect(handBack).toContain('Question 2 of 3');
    expect(await say(user!.id, 'Soup')).toContain('Question 3 of 3');
    expect(await say(user!.id, '1')).toContain('Canteen survey');

    expect(await answers(second)).toEqual([
      [0, 'Poor'],
      [1, 'Faster laptops'],
      [2, 'No'],
    ]);
    expect(await answers(first)).toEqual([
      [0, 'Fine'],
      [1, 'Soup'],
      [2, 'Yes'],
    ]);
  });
});
